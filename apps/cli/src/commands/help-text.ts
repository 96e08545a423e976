import { type CommandDefinition, commandDefinitions, type FlagDefinition } from './definitions.js';

function flagSpelling(flag: FlagDefinition): string {
  const long = `--${flag.name}${flag.type === 'boolean' ? '' : ` ${flag.valueName ?? 'VALUE'}`}`;
  return flag.short ? `-${flag.short}, ${long}` : long;
}

function flagDetails(flag: FlagDefinition): string {
  const notes: string[] = [];
  if (flag.type === 'enum' && flag.values) notes.push(`one of ${flag.values.join(', ')}`);
  if (flag.required) notes.push('required');
  if (flag.repeatable) notes.push('repeatable');
  if (flag.defaultText !== undefined) notes.push(`default ${flag.defaultText}`);
  else if (flag.default !== undefined && flag.type !== 'boolean') notes.push(`default ${flag.default}`);
  return notes.length === 0 ? flag.description : `${flag.description} (${notes.join('; ')})`;
}

/**
 * The usage line of a command, e.g.
 * `benignlab fit --x FILE --y FILE --model MODEL [options]`.
 *
 * @param definition the command's definition (name, positionals, flags)
 * @example
 * ```ts
 * usageLine(describeCommand); // 'benignlab describe <id> [options]'
 * ```
 */
export function usageLine(definition: CommandDefinition): string {
  const parts = [`benignlab ${definition.name}`];
  for (const positional of definition.positionals) {
    const name = `<${positional.name}>${positional.variadic ? '…' : ''}`;
    parts.push(positional.required ? name : `[${name}]`);
  }
  for (const flag of definition.flags) {
    if (flag.required) parts.push(`--${flag.name} ${flag.valueName ?? 'VALUE'}`);
  }
  parts.push('[options]');
  return parts.join(' ');
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join(`\n${indent}`);
}

/**
 * The `--help` text of a command, generated from its definition: usage, description,
 * positionals, options with types, allowed values and defaults, and examples.
 *
 * @param definition the command's definition (name, positionals, flags)
 * @param width line width in characters the text is wrapped to (default 100)
 * @example
 * ```ts
 * process.stdout.write(`${formatCommandHelp(fitCommand)}\n`);
 * ```
 */
export function formatCommandHelp(definition: CommandDefinition, width = 100): string {
  const lines = [`Usage: ${usageLine(definition)}`, '', wrap(definition.description, width, '')];
  if (definition.positionals.length > 0) {
    lines.push('', 'Arguments:');
    for (const positional of definition.positionals) {
      const values = positional.values ? ` (one of ${positional.values.join(', ')})` : '';
      lines.push(`  <${positional.name}>`.padEnd(26) + positional.description + values);
    }
  }
  lines.push('', 'Options:');
  for (const flag of definition.flags) {
    const left = `  ${flagSpelling(flag)}`;
    const text = wrap(flagDetails(flag), width - 26, ' '.repeat(26));
    lines.push(left.length < 26 ? left.padEnd(26) + text : `${left}\n${' '.repeat(26)}${text}`);
  }
  lines.push('', 'Examples:');
  for (const example of definition.examples) {
    lines.push(`  ${example.command}`, `      ${example.description}`);
  }
  return lines.join('\n');
}

/**
 * The top-level command list (`benignlab --help`), one line per command.
 *
 * @example
 * ```ts
 * commandSummaries(); // '  reproduce    run the whole reproduction suite …\n  list …'
 * ```
 */
export function commandSummaries(): string {
  return commandDefinitions.map((command) => `  ${command.name.padEnd(11)}  ${command.summary}`).join('\n');
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/**
 * The CLI guide of the docs as Markdown, generated from the same definitions as
 * `--help`: per command its usage, description, a table of options and the examples.
 *
 * @example
 * ```ts
 * writeFileSync('docs/cli.md', cliGuideMarkdown());
 * ```
 */
export function cliGuideMarkdown(): string {
  const out = [
    '# Command-line guide',
    '',
    'Every command accepts `--help`. Exit status: 0 success, 1 failure, 2 usage error (one line naming the bad flag or value and what is allowed).',
    '',
  ];
  for (const command of commandDefinitions) {
    out.push(
      `## \`benignlab ${command.name}\``,
      '',
      command.summary,
      '',
      '```sh',
      usageLine(command),
      '```',
      '',
    );
    out.push(command.description, '');
    if (command.positionals.length > 0) {
      out.push('| argument | meaning |', '|---|---|');
      for (const p of command.positionals) {
        const values = p.values ? ` (one of ${p.values.map((v) => `\`${v}\``).join(', ')})` : '';
        out.push(`| \`<${p.name}>\` | ${escapeCell(p.description)}${values} |`);
      }
      out.push('');
    }
    out.push('| option | meaning |', '|---|---|');
    for (const flag of command.flags) {
      out.push(`| \`${flagSpelling(flag)}\` | ${escapeCell(flagDetails(flag))} |`);
    }
    out.push('', 'Examples:', '', '```sh');
    for (const example of command.examples) out.push(`# ${example.description}`, example.command);
    out.push('```', '');
  }
  return out.join('\n');
}

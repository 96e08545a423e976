import fc from 'fast-check';

// Property tests draw their cases from one fixed seed so a CI failure reproduces
// bit for bit on any machine. Set FAST_CHECK_SEED to explore other cases locally.
const seed = Number(process.env.FAST_CHECK_SEED ?? 20240122);
fc.configureGlobal({ seed });

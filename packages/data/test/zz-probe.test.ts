// @ts-nocheck
import { it } from 'vitest';
import { createRng } from '../src/index.js';
it('probe', () => {
  const a = createRng(7).fillNormal(new Float64Array(20)); const b = createRng(8).fillNormal(new Float64Array(20));
  console.log('@@', Array.from(a).map(x=>x.toFixed(3)).join(' '));
  console.log('@@', Array.from(b).map(x=>x.toFixed(3)).join(' '));
  const A = createRng(7).fillNormal(new Float64Array(2000)), B = createRng(8).fillNormal(new Float64Array(2000));
  const oa = [], ob = []; for (let i=1;i<2000;i+=2){oa.push(A[i]**2); ob.push(B[i]**2);} oa.sort((x,y)=>x-y); ob.sort((x,y)=>x-y);
  console.log('@@ sorted', oa.slice(-3).join(','), '|', ob.slice(-3).join(','), oa.reduce((s,x)=>s+Math.sqrt(x),0)/1000, ob.reduce((s,x)=>s+Math.sqrt(x),0)/1000);
});

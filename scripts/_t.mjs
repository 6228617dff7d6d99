import { chromium } from '@playwright/test';
import fs from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1440, height: 900 } });
const cdp = await p.context().newCDPSession(p);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval',{interval:500}); await cdp.send('Profiler.start');
await p.goto('http://127.0.0.1:4399/?profiles=10000#/new');
const st = p.getByRole('status', { name: 'Counts status' });
while (!((await st.textContent().catch(()=>''))||'').includes('No activities')) await p.waitForTimeout(100);
const { profile } = await cdp.send('Profiler.stop');
// self time by function
const self = new Map(); const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n=>[n.id,n]));
profile.samples.forEach((id,i)=>{ const n=byId.get(id); const k=n.callFrame.functionName+' '+n.callFrame.url.split('/').pop()+':'+n.callFrame.lineNumber; self.set(k,(self.get(k)||0)+(dt[i]||0)); });
const tot=[...self.values()].reduce((a,b)=>a+b,0);
console.log('total ms', tot/1000);
[...self.entries()].sort((a,b)=>b[1]-a[1]).slice(0,25).forEach(([k,v])=>console.log((v/1000).toFixed(0),k));
await b.close();

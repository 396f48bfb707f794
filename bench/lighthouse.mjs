// Lighthouse (mobile) on the start page, a guide step, a form page and the ask
// results, and any request that leaves 127.0.0.1. The ask results answer a POST,
// so the four run as Lighthouse user flows through puppeteer-core.
//
//   mkdir -p /tmp/lh && cd /tmp/lh && npm install lighthouse@13.5.0
//   cp <repository>/bench/lighthouse.mjs /tmp/lh/ && node /tmp/lh/lighthouse.mjs http://127.0.0.1:8000
//
// (It must run from the folder where lighthouse is installed, so the imports resolve.)
// Chromium is Debian's /usr/bin/chromium. Prints one row per page: the four
// category scores, layout shift, largest contentful paint, total blocking time,
// and the failing audits outside performance.
import puppeteer from 'puppeteer-core';
import {startFlow} from 'lighthouse';

const base = process.argv[2];
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: 'new',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
const external = new Set();
async function run(name, step) {
  const page = await browser.newPage();
  page.on('request', (r) => { const u = new URL(r.url()); if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !u.protocol.startsWith('data') && !u.protocol.startsWith('chrome')) external.add(r.url()); });
  const flow = await startFlow(page, {config: {extends: 'lighthouse:default', settings: {formFactor: 'mobile'}}});
  await step(flow, page);
  const result = (await flow.createFlowResult()).steps.at(-1).lhr;
  const c = result.categories;
  const a = result.audits;
  rows.push([name, c.performance.score, c.accessibility.score, c['best-practices'].score, c.seo.score,
             a['cumulative-layout-shift'].numericValue.toFixed(3), Math.round(a['largest-contentful-paint'].numericValue),
             Math.round(a['total-blocking-time'].numericValue),
             Object.values(result.audits).filter((x) => x.score !== null && x.score < 1 && ['seo', 'accessibility', 'best-practices'].some((k) => c[k].auditRefs.some((r) => r.id === x.id && r.weight > 0))).map((x) => x.id).join(' ')]);
  await page.close();
}
await run('start /en/', (flow) => flow.navigate(`${base}/en/`));
await run('guide step /en/guide/who-will-be-there', (flow) => flow.navigate(`${base}/en/guide/who-will-be-there`));
await run('form page /en/your-guide/questions/kind', (flow) => flow.navigate(`${base}/en/your-guide/questions/kind`));
await run('ask results (POST /en/ask)', async (flow, page) => {
  await page.goto(`${base}/en/ask`);
  await page.type('#ask-question, textarea[name=question], input[name=question]', 'what happens at the conference');
  await flow.navigate(async () => { await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]); }, {name: 'ask results'});
});
await browser.close();
console.log('page | performance | accessibility | best practices | SEO | CLS | LCP ms | TBT ms | failing non-performance audits');
for (const r of rows) console.log(r.join(' | '));
console.log('third-party requests:', external.size ? [...external].join(', ') : 'none');

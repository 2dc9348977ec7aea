// Opens the HTML report in headless Chromium the way a reader would, and checks it:
// it renders with no console errors and no request to anywhere else, axe-core finds no
// WCAG 2.1 AA violations, the filter narrows the map, everything shows without JavaScript,
// and the print style hides the navigation. Takes a screenshot.
//
// Usage: node granska.mjs REPORT.html SCREENSHOT.png [--bara-rendering]
// With --bara-rendering (for hostile fixtures) the filter is not exercised.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [report, screenshot, mode] = process.argv.slice(2);
const onlyRender = mode === '--bara-rendering';
const url = pathToFileURL(report).href;
const failures = [];
const fail = (msg) => { failures.push(msg); console.error('FEL: ' + msg); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // 1. Render with the page's own Content-Security-Policy in force.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') fail('konsolen: ' + m.text()); });
  page.on('pageerror', (e) => fail('skriptfel: ' + e.message));
  page.on('request', (r) => { if (r.url() !== url) fail('begäran till ' + r.url()); });
  page.on('dialog', (d) => { fail('dialogruta (injicerat skript?): ' + d.message()); d.dismiss(); });
  await page.goto(url, { waitUntil: 'load' });
  const title = await page.title();
  if (!title) fail('sidan saknar titel');
  if (await page.getAttribute('html', 'lang') !== 'sv') fail('lang är inte sv');
  if (await page.locator('#filter').isHidden()) fail('filterrutan visas inte med JavaScript');
  await page.screenshot({ path: screenshot, fullPage: false });

  // 2. The filter narrows the map as you type.
  const rows = page.locator('#karta tr[data-id]');
  const total = await rows.count();
  let afterText = '-', afterKommun = '-', kommuner = ['-'];
  if (!onlyRender) {
  const visible = async () => rows.evaluateAll((rs) => rs.filter((r) => r.offsetParent !== null).length);
  if (total === 0) fail('kartan har inga rader');
  const before = await page.textContent('#f-antal');
  await page.fill('#f-text', 'ukrainska');
  afterText = await visible();
  if (!(afterText > 0 && afterText < total)) fail(`fritext: ${afterText} av ${total} rader syns`);
  const status = await page.textContent('#f-antal');
  if (status === before || !/insats/.test(status)) fail('antalet uppdaterades inte: ' + status);
  await page.fill('#f-text', '');
  kommuner = await page.locator('#f-kommun option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  if (kommuner.length === 0) fail('inga kommuner att välja');
  await page.selectOption('#f-kommun', kommuner[0]);
  afterKommun = await visible();
  if (!(afterKommun > 0 && afterKommun <= total)) fail(`kommun: ${afterKommun} av ${total} rader syns`);
  await page.selectOption('#f-kommun', '');
  const behov = await page.locator('#f-behov option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  await page.selectOption('#f-behov', behov[0]);
  const categories = await page.locator('#karta .kategori').evaluateAll((cs) => cs.filter((c) => c.offsetParent !== null).length);
  if (categories !== 1) fail(`behov: ${categories} kategorier syns, väntade 1`);
  await page.selectOption('#f-behov', '');
  if ((await visible()) !== total) fail('filtret återställdes inte');
  }

  // 3. Print: no navigation, no filter.
  await page.emulateMedia({ media: 'print' });
  if (await page.locator('nav').isVisible()) fail('innehållsförteckningen syns i utskrift');
  await page.emulateMedia({ media: 'screen' });

  // 4. axe-core, WCAG 2.1 A and AA (CSP bypassed only to inject axe).
  const actx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const apage = await actx.newPage();
  await apage.goto(url, { waitUntil: 'load' });
  await apage.addScriptTag({ content: axeSource });
  const result = await apage.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  for (const v of result.violations) {
    fail(`axe ${v.id} (${v.impact}): ${v.help} – ${v.nodes.length} ställen, t.ex. ${v.nodes[0].target.join(' ')}`);
  }
  console.log(`axe: ${result.passes.length} regler godkända, ${result.violations.length} överträdelser`);

  // 5. Without JavaScript everything is shown and the filter stays hidden.
  const nctx = await browser.newContext({ javaScriptEnabled: false });
  const npage = await nctx.newPage();
  await npage.goto(url, { waitUntil: 'load' });
  if (await npage.locator('#filter').isVisible()) fail('filterrutan syns utan JavaScript');
  const hiddenRows = await npage.locator('#karta tr[data-id]').evaluateAll((rs) => rs.filter((r) => r.offsetParent === null).length);
  if (hiddenRows !== 0) fail(`${hiddenRows} rader är dolda utan JavaScript`);
  console.log(`rader: ${total}; efter "ukrainska": ${afterText}; efter kommun ${kommuner[0]}: ${afterKommun}`);
} finally {
  await browser.close();
}

function report_and_exit() {
  if (failures.length > 0) {
    console.error(`${failures.length} fel.`);
    process.exit(1);
  }
  console.log('Allt i ordning.');
  process.exit(0);
}
report_and_exit();

// The engine subset in Firefox (Debian's firefox-esr, WebDriver BiDi via puppeteer-core,
// under Xvfb: tools/test-browser.sh --engines). The checks: checks.mjs (engineSuite).
// Screenshots go to test-results/engines/firefox-*.png.
import { test as nodeTest, before, after } from 'node:test';
import { serveDist } from '../browser/browser.mjs';
import { launchFirefox, missing } from './engines.mjs';
import * as checks from './checks.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 180_000 }, fn);

checks.engineSuite({
  test, before, after, label: 'Firefox', name: 'firefox', launch: launchFirefox, missing, serveDist,
  // Last: the find bar it opens keeps the focus.
  extra: [['the Quick Find check can fail: on a plain page "\'" does open Quick Find', (engine) => checks.quickFindOpensElsewhere(engine)]],
});

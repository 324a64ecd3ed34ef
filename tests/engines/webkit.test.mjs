// The engine subset in WebKit (Debian's webkit2gtk-driver: WebKitWebDriver driving
// MiniBrowser, W3C WebDriver over HTTP, webdriver.mjs; under Xvfb: tools/test-browser.sh
// --engines). The checks: checks.mjs (engineSuite). Screenshots go to
// test-results/engines/webkit-*.png.
import { test as nodeTest, before, after } from 'node:test';
import { serveDist } from '../browser/browser.mjs';
import { launchWebKitEngine, missing } from './engines.mjs';
import * as checks from './checks.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 180_000 }, fn);

checks.engineSuite({ test, before, after, label: 'WebKit', name: 'webkit', launch: launchWebKitEngine, missing, serveDist });

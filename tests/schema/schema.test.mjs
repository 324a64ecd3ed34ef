// The article files against their JSON Schema (draft 2020-12), as an author's editor
// would check them; and broken variants, to show the schema does reject.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const root = new URL("../../", import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(read("assets/article.schema.json"));

const errorsOf = (doc) => (validate(doc) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`));

test("the shipped article conforms to the schema", () => {
  assert.deepEqual(errorsOf(read("assets/article.json")), []);
});

test("the unit-test fixture conforms to the schema", () => {
  assert.deepEqual(errorsOf(read("tests/data/mini.json")), []);
});

test("broken variants are rejected, at the right place", () => {
  const cases = [
    ["/version", (d) => { d.version = "1"; }],
    ["/passages/0", (d) => { delete d.passages[0].text; }],
    ["/meta", (d) => { d.meta.titel = "typo"; }],
    ["/events/0/date", (d) => { d.events[0].date = "March 2013"; }],
    ["/concepts/0/aliases/0", (d) => { delete d.concepts[0].aliases[0].lang; }],
    ["/relations/0/evidence", (d) => { d.relations[0].evidence = []; }],
    ["/passages/1/id", (d) => { d.passages[1].id = "Bad Id"; }],
    ["/node_groups/0/shape", (d) => { d.node_groups = [{ id: "ideas", label: "Ideas", shape: "star" }]; }],
    ["/node_types/0/group", (d) => { d.node_types[0].group = 7; }],
    ["/stop_words/0", (d) => { d.stop_words = [""]; }],
  ];
  for (const [where, edit] of cases) {
    const doc = read("tests/data/mini.json");
    edit(doc);
    const errors = errorsOf(doc);
    assert.ok(errors.length > 0, `expected an error at ${where}`);
    assert.ok(errors.some((e) => e.startsWith(where)), `expected an error at ${where}, got ${errors.join("; ")}`);
  }
});

test("the held-out second article conforms to the schema", () => {
  assert.deepEqual(errorsOf(read("tests/data/river-compact.json")), []);
});

// What "Save as article" saves for a text (the CLI's `explorer import` writes the same
// article the app makes): valid against the schema, so an editor completes it.
test("articles made of plain text and Markdown conform to the schema", async (t) => {
  const { existsSync } = await import("node:fs");
  const { execFileSync } = await import("node:child_process");
  const cli = new URL("build/native/explorer", root).pathname;
  if (!existsSync(cli)) {
    t.skip("build/native/explorer not built (cmake --workflow --preset native)");
    return;
  }
  for (const file of ["tests/data/speech.txt", "tests/data/field-notes.md"]) {
    const text = execFileSync(cli, ["import", new URL(file, root).pathname], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    assert.deepEqual(errorsOf(JSON.parse(text)), [], file);
  }
});

/** The JSON Schema in schema/ describes real output: checked against every golden case. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { createExtractor } from '../../../src/extract.js';

const schema: unknown = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '../../../schema/extraction-result.schema.json'),
    'utf8',
  ),
);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema as object);

test('real extraction results validate against the published schema', async () => {
  const extractor = createExtractor({ fallbackDate: '2024-02-03' });
  await extractor.init();
  const inputs = [
    {
      format: 'txt' as const,
      text: 'Leaders meet\n\nThe two leaders met on Monday.',
      origin: { file: 't' },
    },
    {
      format: 'jsonl' as const,
      id: 'x',
      title: null,
      text: 'Troops withdrew.',
      origin: { file: 't' },
    },
    {
      format: 'html' as const,
      html: '<p>The assembly voted to dissolve itself on Thursday evening.</p>',
      origin: { file: 't' },
    },
  ];
  for (const input of inputs) {
    const result = extractor.extract(input);
    assert.ok(validate(result), JSON.stringify(validate.errors));
  }
});

test('the schema rejects what the contract forbids', () => {
  const bad = {
    id: 'x',
    document: { title: null, published: '25/08/2025', language: 'en', text: '', metadata: {} },
    actors: [],
    quotes: [{ id: 'q1', kind: 'paraphrase' }],
    events: [],
  };
  assert.equal(validate(bad), false);
  const paths = (validate.errors ?? []).map((e) => e.instancePath);
  assert.ok(paths.includes('/document/published'), JSON.stringify(paths));
  assert.ok(
    paths.some((p) => p.startsWith('/quotes/0')),
    JSON.stringify(paths),
  );
});

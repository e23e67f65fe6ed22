import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NewsgraphError } from '../../../src/core/errors.js';
import { OffsetMap } from '../../../src/core/offsets.js';
import type { Document } from '../../../src/core/document.js';
import { buildPipeline, type Stage } from '../../../src/pipeline/pipeline.js';
import { defaultPipeline } from '../../../src/pipeline/default.js';

function stage(name: string, requires: Stage['requires'], assigns: Stage['assigns']): Stage {
  return { name, requires, assigns, process: () => undefined };
}

/** A Document built by hand, as stage tests do, instead of running ingest. */
function handMade(text: string): Document {
  return {
    id: 'd1',
    contentHash: 'd1',
    title: null,
    published: null,
    text,
    metadata: {},
    offsetMap: OffsetMap.identity(text.length),
    paragraphs: [{ start: 0, end: text.length }],
    warnings: [],
    origin: { file: 'test' },
  };
}

const configError = (pattern: RegExp) => (e: unknown) =>
  e instanceof NewsgraphError && e.code === 'NG_PIPELINE_CONFIG' && pattern.test(e.message);

test('a stage that needs a layer no earlier stage assigns is refused at build time', () => {
  assert.throws(
    () =>
      buildPipeline([
        stage('segment', ['language'], ['sentences']),
        stage('language', [], ['language']),
      ]),
    configError(/stage "segment" requires layer "language".*segment → language/),
  );
});

test('two stages assigning the same layer are refused', () => {
  assert.throws(
    () => buildPipeline([stage('a', [], ['tokens']), stage('b', [], ['tokens'])]),
    configError(/"a" and "b" both assign layer "tokens"/),
  );
});

test('layers provided by ingest satisfy requirements', () => {
  assert.doesNotThrow(() => buildPipeline([stage('s', ['paragraphs'], [])], ['paragraphs']));
});

test('the default pipeline runs on a hand-made document and records stage timings', async () => {
  const pipeline = defaultPipeline();
  await pipeline.init();
  const doc = pipeline.run(handMade('The council met on Monday. It adopted two resolutions.'));
  assert.equal(doc.language?.code, 'en');
  assert.equal(doc.sentences?.length, 2);
  assert.deepEqual(
    [...pipeline.timings.ms.keys()],
    ['language', 'segment', 'mentions', 'link', 'coref', 'quotes', 'events'],
  );
  assert.equal(pipeline.timings.documents, 1);
});

test('a non-English document gets its language, no sentences and a warning', async () => {
  const pipeline = defaultPipeline();
  await pipeline.init();
  const doc = pipeline.run(
    handMade(
      'Министрите на външните работи се срещнаха във Виена във вторник и се договориха да продължат преговорите.',
    ),
  );
  assert.equal(doc.language?.code, 'bg');
  assert.deepEqual(doc.sentences, []);
  assert.equal(doc.warnings[0]?.code, 'NG_WARN_LANGUAGE_UNSUPPORTED');
});

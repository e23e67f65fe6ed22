/**
 * Progress on standard error: plain lines for logs, a redrawn bar on a terminal. The clock is
 * passed in, so the rate and ETA are exact.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clock, createProgress, rate } from '../../../src/ingest/progress.js';

function collector(isTTY: boolean) {
  const stream = { text: '', isTTY, write: (s: string) => (stream.text += s) };
  return stream;
}

test('plain mode: a line every N documents, with count, share, rate and ETA', () => {
  const out = collector(false);
  let ms = 0;
  const progress = createProgress(out, 12, { every: 4, everyMs: 60_000, now: () => ms });
  for (let i = 0; i < 12; i++) {
    ms += 500; // two documents a second
    progress.tick();
  }
  progress.end();
  assert.equal(
    out.text,
    'newsgraph ingest: 4/12 (33%), 2.0 docs/s, ETA 0:04\n' +
      'newsgraph ingest: 8/12 (66%), 2.0 docs/s, ETA 0:02\n',
    'not at 12/12: the summary follows',
  );
  assert.equal(progress.done, 12);
  assert.equal(progress.elapsed(), 6);
  assert.ok(!out.text.includes('\r'), 'no terminal control in logs');
});

test('plain mode: a slow run still prints a line every interval', () => {
  const out = collector(false);
  let ms = 0;
  const progress = createProgress(out, 0, { every: 1000, everyMs: 10_000, now: () => ms });
  ms = 4_000;
  progress.tick();
  ms = 12_000;
  progress.tick();
  assert.equal(out.text, 'newsgraph ingest: 2, 0.2 docs/s\n', 'no total: no share, no ETA');
});

test('terminal mode: one line redrawn in place, cleared for other lines and at the end', () => {
  const out = collector(true);
  let ms = 0;
  const progress = createProgress(out, 4, { now: () => ms, label: 'ng' });
  ms = 1_000;
  progress.tick();
  assert.equal(out.text, '\r\x1b[Kng [######------------------] 1/4 (25%), 1.0 docs/s, ETA 0:03');
  out.text = '';
  ms = 1_050;
  progress.tick();
  assert.equal(out.text, '', 'not redrawn within 100 ms');
  progress.log('ng: a.txt: NG_INPUT_EMPTY: the document holds no text');
  assert.match(
    out.text,
    /^\r\x1b\[Kng: a\.txt: NG_INPUT_EMPTY: the document holds no text\n\r\x1b\[Kng \[/,
  );
  out.text = '';
  progress.addTotal(4);
  ms = 2_000;
  progress.tick();
  progress.tick();
  assert.match(out.text, /3\/8 \(37%\), 1\.5 docs\/s, ETA 0:03$/);
  out.text = '';
  progress.end();
  assert.equal(out.text, '\r\x1b[K');
});

test('clock and rate formats', () => {
  assert.equal(clock(0), '0:00');
  assert.equal(clock(65), '1:05');
  assert.equal(clock(3723), '1:02:03');
  assert.equal(rate(3, 2), '1.5');
  assert.equal(rate(1234, 2), '617');
  assert.equal(rate(5, 0), '0.0');
});

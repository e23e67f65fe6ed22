/**
 * The store's behaviour, one suite for every backend: sqlite.test.ts and postgres.test.ts run
 * it against a real SQLite file and a real PostgreSQL server. Expected answers are computed
 * from the extraction results themselves (what a filter should select), so the suite checks
 * the store against the contract, not against a copy of its own SQL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorCode } from '../../../src/core/errors.js';
import type { EventResult, ExtractionResult } from '../../../src/output/result.js';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index.js';
import { openStore } from '../../../src/store/open.js';
import type { QueryFilter, Store, StoredEvent, StoredQuote } from '../../../src/store/store.js';
import {
  all,
  articles,
  flipBits,
  putAll,
  sha256,
  variant,
  type StoredArticle,
} from './fixtures.js';

export interface Backend {
  name: string;
  /** The URL of a new, empty store. */
  freshUrl(): Promise<string>;
  /** Runs SQL on the store's own tables directly, beside the Store (to tamper with it). */
  query(url: string, sql: string): Promise<Record<string, unknown>[]>;
  /** SQL creating another program's table where the store's tables would be. */
  foreignTableSql: string;
}

/** Asserts that a promise fails with a NewsgraphError of this code; returns its message. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<string> {
  let message = '';
  await assert.rejects(promise, (error: Error & { code?: string }) => {
    assert.equal(error.code, code, `${error.code}: ${error.message}`);
    message = error.message;
    return true;
  });
  return message;
}

/** `url` with `?mode=ro` (or `&mode=ro`). */
export function readOnly(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}mode=ro`;
}

/** A stored event without what the store adds: the contract's event. */
function contractEvent(e: StoredEvent): EventResult {
  const {
    uid: _uid,
    documentId: _documentId,
    published: _published,
    url: _url,
    numArticles: _numArticles,
    sourceActor: _sourceActor,
    targetActor: _targetActor,
    ...event
  } = e;
  return event;
}

function contractQuote(q: StoredQuote) {
  const { uid: _uid, documentId: _documentId, published: _published, ...quote } = q;
  return quote;
}

interface Expected {
  doc: ExtractionResult;
  event: EventResult;
}

/** Every event of the articles with its document, in storing order. */
function eventsOf(docs: readonly StoredArticle[]): Expected[] {
  return docs.flatMap((d) => d.result.events.map((event) => ({ doc: d.result, event })));
}

const uids = (events: { uid: string }[]) => events.map((e) => e.uid);
const expectedUids = (list: Expected[]) => list.map(({ doc, event }) => `${doc.id}/${event.id}`);

function actorCountry(doc: ExtractionResult, actor: string | null): string | null {
  return doc.actors.find((a) => a.id === actor)?.country ?? null;
}

export function storeSuite(backend: Backend): void {
  describe(`store on ${backend.name}`, () => {
    let docs: StoredArticle[];
    let store: Store;

    before(async () => {
      docs = await articles();
      store = await openStore(await backend.freshUrl());
      await putAll(store, docs);
    });
    after(() => store?.close());

    const fresh = async () => openStore(await backend.freshUrl());

    test('the articles give the suite real material to filter', () => {
      const events = eventsOf(docs);
      assert.ok(events.length >= 8, `${events.length} events`);
      assert.ok(docs.every((d) => d.result.quotes.length > 0 && d.result.actors.length > 0));
      assert.ok(events.some(({ event }) => event.location !== null));
      assert.ok(events.some(({ event }) => event.target === null));
      assert.ok(events.some(({ event }) => event.source.actor === null));
    });

    test('put stores a document once: new, then exists by id, by content hash, by URL', async () => {
      const s = await fresh();
      try {
        const [first] = docs;
        assert.ok(first);
        assert.deepEqual(await s.put(first.result, first.info), {
          stored: 'new',
          id: first.result.id,
        });
        const before = await s.stats();
        assert.deepEqual(await s.put(first.result, first.info), {
          stored: 'exists',
          id: first.result.id,
        });
        // Same text under another id (a re-run with ids): the content hash finds it.
        const sameText = variant(first, 'other-id', undefined, {
          contentHash: first.info.contentHash,
        });
        assert.deepEqual(await s.put(sameText.result, sameText.info), {
          stored: 'exists',
          id: first.result.id,
        });
        // Same URL, changed text (the page was edited): the URL finds it.
        const sameUrl = variant(first, 'edited', undefined, { url: first.info.url });
        assert.deepEqual(await s.put(sameUrl.result, sameUrl.info), {
          stored: 'exists',
          id: first.result.id,
        });
        assert.deepEqual(await s.stats(), before);
        assert.equal(await s.findExisting({ id: first.result.id }), first.result.id);
        assert.equal(
          await s.findExisting({ contentHash: first.info.contentHash.toUpperCase() }),
          first.result.id,
        );
        assert.equal(await s.findExisting({ url: first.info.url }), first.result.id);
        assert.equal(await s.findExisting({ id: 'nope', url: 'https://elsewhere.example/' }), null);
        assert.equal(await s.findExisting({}), null);
      } finally {
        await s.close();
      }
    });

    test('result() returns exactly what extract printed; null for an unknown id', async () => {
      for (const d of docs) {
        const stored = await store.result(d.result.id);
        assert.equal(JSON.stringify(stored), JSON.stringify(d.result));
      }
      assert.equal(await store.result('no-such-document'), null);
    });

    test('events keep every contract field, namespaced by document, with their actors', async () => {
      const stored = await all((f) => store.events(f));
      assert.deepEqual(uids(stored), expectedUids(eventsOf(docs)));
      for (const e of stored) {
        const doc = docs.find((d) => d.result.id === e.documentId)?.result;
        assert.ok(doc);
        const original = doc.events.find((x) => x.id === e.id);
        assert.deepEqual(contractEvent(e), original);
        assert.equal(e.published, doc.document.published);
        assert.equal(e.numArticles, 1);
        const source = doc.actors.find((a) => a.id === e.source.actor) ?? null;
        const target = doc.actors.find((a) => a.id === e.target?.actor) ?? null;
        assert.deepEqual(e.sourceActor, source);
        assert.deepEqual(e.targetActor, target);
      }
      const urls = new Set(stored.map((e) => e.url));
      assert.ok(urls.has('https://news.example/riyadh-talks') && urls.has(null));
    });

    test('quotes keep every contract field', async () => {
      const stored = await all((f) => store.quotes(f));
      const expected = docs.flatMap((d) => d.result.quotes.map((q) => ({ doc: d.result, q })));
      assert.deepEqual(
        stored.map((q) => q.uid),
        expected.map(({ doc, q }) => `${doc.id}/${q.id}`),
      );
      stored.forEach((q, i) => {
        assert.deepEqual(contractQuote(q), expected[i]?.q);
        assert.equal(q.published, expected[i]?.doc.document.published);
      });
    });

    test('actors are listed once, counted over documents and mentions', async () => {
      const stored = await all((f) => store.actors(f));
      const ids = [...new Set(docs.flatMap((d) => d.result.actors.map((a) => a.id)))].sort();
      assert.deepEqual(
        stored.map((a) => a.id),
        ids,
      );
      for (const a of stored) {
        const records = docs.flatMap((d) => d.result.actors.filter((x) => x.id === a.id));
        assert.equal(a.documents, records.length, a.id);
        assert.equal(
          a.mentions,
          records.reduce((n, r) => n + r.mentions.length, 0),
          a.id,
        );
      }
      const russia = stored.find((a) => a.id === 'country-rus');
      assert.ok(russia && russia.documents >= 3);
    });

    test('documents are listed with their keys and counts', async () => {
      const stored = await all((f) => store.documents(f));
      assert.deepEqual(
        stored.map((d) => d.id),
        docs.map((d) => d.result.id),
      );
      stored.forEach((d, i) => {
        const a = docs[i];
        assert.ok(a);
        assert.equal(d.title, a.result.document.title);
        assert.equal(d.published, a.result.document.published);
        assert.equal(d.contentHash, a.info.contentHash);
        assert.equal(d.simhash, a.info.simhash);
        assert.equal(d.url, a.info.url);
        assert.equal(d.duplicateOf, null);
        assert.match(d.ingestedAt, /^\d{4}-\d{2}-\d{2}T/);
        assert.deepEqual(d.counts, {
          actors: a.result.actors.length,
          quotes: a.result.quotes.length,
          events: a.result.events.length,
        });
      });
    });

    test('filter actor: events as source or target, quotes as speaker, documents mentioning it', async () => {
      for (const actor of ['country-rus', 'country-deu', 'merz-friedrich', 'zelensky-volodymyr']) {
        const expected = eventsOf(docs).filter(
          ({ event }) => event.source.actor === actor || event.target?.actor === actor,
        );
        assert.deepEqual(
          uids(await all((f) => store.events({ ...f, actor }))),
          expectedUids(expected),
          actor,
        );
        const quotes = docs.flatMap((d) =>
          d.result.quotes.filter((q) => q.speaker === actor).map((q) => `${d.result.id}/${q.id}`),
        );
        assert.deepEqual(
          (await all((f) => store.quotes({ ...f, actor }))).map((q) => q.uid),
          quotes,
        );
        const mentioning = docs.filter((d) => d.result.actors.some((a) => a.id === actor));
        assert.deepEqual(
          (await all((f) => store.documents({ ...f, actor }))).map((d) => d.id),
          mentioning.map((d) => d.result.id),
        );
        assert.deepEqual(
          (await store.actors({ actor })).items.map((a) => a.id),
          [actor],
        );
      }
      assert.ok((await store.events({ actor: 'country-rus' })).items.length >= 4);
      assert.deepEqual((await store.events({ actor: 'nobody-known' })).items, []);
    });

    test('filter type: a PLOVER type, or a CAMEO code prefix', async () => {
      const cases: [string, (e: EventResult) => boolean][] = [
        ['REJECT', (e) => e.type === 'REJECT'],
        ['accuse', (e) => e.type === 'ACCUSE'],
        ['12', (e) => e.cameo.startsWith('12')],
        ['160', (e) => e.cameo === '160'],
        ['1', (e) => e.cameo.startsWith('1')],
        ['0', (e) => e.cameo.startsWith('0')],
      ];
      for (const [type, keep] of cases) {
        const expected = eventsOf(docs).filter(({ event }) => keep(event));
        assert.ok(expected.length > 0, type);
        assert.deepEqual(
          uids(await all((f) => store.events({ ...f, type }))),
          expectedUids(expected),
          type,
        );
        const withType = docs.filter((d) => d.result.events.some(keep)).map((d) => d.result.id);
        assert.deepEqual(
          (await all((f) => store.documents({ ...f, type }))).map((d) => d.id),
          withType,
        );
      }
      assert.deepEqual((await store.actors({ type: 'person' })).items.map((a) => a.type).sort(), [
        'person',
        'person',
        'person',
      ]);
    });

    test('filter country: an argument actor country or code prefix, or the location', async () => {
      for (const country of ['RUS', 'DEU', 'SAU', 'CHN', 'HUN', 'FRA']) {
        const expected = eventsOf(docs).filter(
          ({ doc, event }) =>
            actorCountry(doc, event.source.actor) === country ||
            actorCountry(doc, event.target?.actor ?? null) === country ||
            event.source.code?.slice(0, 3) === country ||
            event.target?.code?.slice(0, 3) === country ||
            event.location?.country === country,
        );
        assert.deepEqual(
          uids(await all((f) => store.events({ ...f, country: country.toLowerCase() }))),
          expectedUids(expected),
          country,
        );
        const actors = [
          ...new Set(
            docs.flatMap((d) =>
              d.result.actors
                .filter((a) => a.country === country || a.code?.slice(0, 3) === country)
                .map((a) => a.id),
            ),
          ),
        ].sort();
        assert.deepEqual(
          (await all((f) => store.actors({ ...f, country }))).map((a) => a.id),
          actors,
          country,
        );
      }
      // Riyadh is only a location: the talks are found by Saudi Arabia.
      assert.ok((await store.events({ country: 'SAU' })).items.length > 0);
    });

    test('filter since/until: the event date range meets them, else the publication date', async () => {
      const when = ({ doc, event }: Expected) => ({
        start: event.date?.start ?? doc.document.published,
        end: event.date?.end ?? doc.document.published,
      });
      const ranges: [string | undefined, string | undefined][] = [
        ['2025-03-01', '2025-03-31'],
        ['2025-03-27', '2025-03-27'],
        [undefined, '2025-03-10'],
        ['2025-04-01', undefined],
        ['2026-01-01', undefined],
      ];
      for (const [since, until] of ranges) {
        const expected = eventsOf(docs).filter((x) => {
          const { start, end } = when(x);
          return (
            start !== null &&
            end !== null &&
            (since === undefined || end >= since) &&
            (until === undefined || start <= until)
          );
        });
        const filter: QueryFilter = {};
        if (since !== undefined) filter.since = since;
        if (until !== undefined) filter.until = until;
        assert.deepEqual(
          uids(await all((f) => store.events({ ...f, ...filter }))),
          expectedUids(expected),
          `${since}..${until}`,
        );
        const published = docs.filter((d) => {
          const p = d.result.document.published ?? '';
          return (since === undefined || p >= since) && (until === undefined || p <= until);
        });
        assert.deepEqual(
          (await all((f) => store.documents({ ...f, ...filter }))).map((d) => d.id),
          published.map((d) => d.result.id),
        );
      }
      // The coast guard's attack "last week" spans 24–30 March: found by a day inside it.
      const inside = await store.events({ since: '2025-03-27', until: '2025-03-27' });
      assert.deepEqual(
        inside.items.map((e) => e.type),
        ['ASSAULT'],
      );
    });

    test('filter text: full-text search over title and text, words stemmed, all words required', async () => {
      const cases: [string, number[]][] = [
        ['sanctions', [3]],
        ['sanction', [3]],
        ['SANCTIONS Hungary', [3]],
        ['reef patrols', [2]],
        ['Riyadh ceasefire', [1]],
        ['Riyadh reef', []],
        ['Ukraine', [0, 1]],
      ];
      for (const [text, which] of cases) {
        const ids = which.map((i) => docs[i]?.result.id);
        assert.deepEqual(
          (await all((f) => store.documents({ ...f, text }))).map((d) => d.id),
          ids,
          text,
        );
        const expected = eventsOf(docs.filter((_, i) => which.includes(i)));
        assert.deepEqual(
          uids(await all((f) => store.events({ ...f, text }))),
          expectedUids(expected),
          text,
        );
      }
      const quotes = await store.quotes({ text: 'sanctions' });
      assert.ok(quotes.items.length > 0);
      assert.ok(quotes.items.every((q) => q.documentId === docs[3]?.result.id));
    });

    test('filter document, and filters combine', async () => {
      const [, second] = docs;
      assert.ok(second);
      const id = second.result.id;
      assert.deepEqual(
        uids(await all((f) => store.events({ ...f, document: id }))),
        expectedUids(eventsOf([second])),
      );
      assert.deepEqual(
        (await store.quotes({ document: id })).items.map((q) => q.id),
        second.result.quotes.map((q) => q.id),
      );
      assert.deepEqual(
        (await all((f) => store.actors({ ...f, document: id }))).map((a) => a.id),
        second.result.actors.map((a) => a.id).sort(),
      );
      const combined = eventsOf(docs).filter(
        ({ event }) =>
          (event.source.actor === 'country-rus' || event.target?.actor === 'country-rus') &&
          event.type === 'SANCTION',
      );
      assert.ok(combined.length >= 1);
      assert.deepEqual(
        uids(
          (
            await store.events({
              actor: 'country-rus',
              type: 'SANCTION',
              since: '2025-05-01',
              text: 'oil',
            })
          ).items,
        ),
        expectedUids(combined),
      );
      assert.deepEqual(
        (await store.events({ actor: 'country-rus', type: 'SANCTION', until: '2025-04-30' })).items,
        [],
      );
    });

    test('actors are found by name in any case', async () => {
      for (const name of ['Friedrich Merz', 'FRIEDRICH MERZ', 'friedrich merz']) {
        assert.deepEqual(
          (await store.actors({ name })).items.map((a) => a.id),
          ['merz-friedrich'],
        );
      }
      assert.deepEqual((await store.actors({ name: 'Friedrich' })).items, []);
    });

    test('pages are cut by key: stable while documents are added between pages', async () => {
      const s = await fresh();
      try {
        const [a, b, c, d] = docs;
        assert.ok(a && b && c && d);
        await putAll(s, [a, b]);
        const first = await s.events({ limit: 2 });
        assert.equal(first.items.length, 2);
        assert.ok(first.next);
        // Documents stored while a reader pages on: earlier pages do not shift.
        await putAll(s, [c, d]);
        const rest = await all((f) => s.events(f), 3, first.next ?? undefined);
        assert.deepEqual([...uids(first.items), ...uids(rest)], expectedUids(eventsOf(docs)));
        const last = await s.events({ limit: 1000 });
        assert.equal(last.next, null);
        // Every listing pages the same way.
        assert.deepEqual(
          (await all((f) => s.quotes(f), 1)).map((q) => q.uid),
          (await s.quotes({ limit: 1000 })).items.map((q) => q.uid),
        );
        assert.deepEqual(
          (await all((f) => s.actors(f), 2)).map((x) => x.id),
          (await s.actors({ limit: 1000 })).items.map((x) => x.id),
        );
        assert.deepEqual(
          (await all((f) => s.documents(f), 1)).map((x) => x.id),
          docs.map((x) => x.result.id),
        );
      } finally {
        await s.close();
      }
    });

    test('the near-duplicate lookup sees documents another connection stored since', async () => {
      const url = await backend.freshUrl();
      const a = await openStore(url);
      const b = await openStore(url);
      try {
        const [original, other] = docs;
        assert.ok(original && other);
        await a.put(other.result, other.info);
        const far = flipBits(original.info.simhash, [0, 1, 16, 32, 48]);
        assert.equal(await a.findNearDuplicate(far, 5), null);
        await b.put(original.result, original.info);
        assert.equal(await a.findNearDuplicate(far, 5), original.result.id);
      } finally {
        await a.close();
        await b.close();
      }
    });

    test('near-duplicates link to the first copy and are not counted again', async () => {
      const s = await fresh();
      try {
        const [original, other] = docs;
        assert.ok(original && other);
        await putAll(s, [original, other]);
        const before = await s.stats();
        const h = original.info.simhash;
        // Three bits apart in three bands: the fourth band still agrees.
        assert.equal(await s.findNearDuplicate(flipBits(h, [0, 16, 32]), 3), original.result.id);
        assert.equal(await s.findNearDuplicate(flipBits(h, [0, 16, 32]), 2), null);
        // Five bits over all four bands: beyond the bands, found by comparing every hash.
        const far = flipBits(h, [0, 1, 16, 32, 48]);
        assert.equal(await s.findNearDuplicate(far, 3), null);
        assert.equal(await s.findNearDuplicate(far, 5), original.result.id);
        assert.equal(await s.findNearDuplicate(h.toUpperCase(), 0), original.result.id);

        const copy = variant(original, 'syndicated-copy', undefined, {
          simhash: flipBits(h, [3, 40]),
          duplicateOf: original.result.id,
          url: 'https://mirror.example/copy',
        });
        assert.deepEqual(await s.put(copy.result, copy.info), {
          stored: 'duplicate',
          id: 'syndicated-copy',
          of: original.result.id,
        });
        // A copy of the copy is linked to the first copy.
        const copy2 = variant(original, 'copy-of-copy', undefined, {
          simhash: flipBits(h, [3, 41]),
          duplicateOf: 'syndicated-copy',
        });
        assert.deepEqual(await s.put(copy2.result, copy2.info), {
          stored: 'duplicate',
          id: 'copy-of-copy',
          of: original.result.id,
        });
        assert.equal(await s.findNearDuplicate(copy2.info.simhash, 3), original.result.id);
        const after = await s.stats();
        assert.deepEqual(after, { ...before, documents: before.documents + 2, duplicates: 2 });
        const events = await s.events({ document: original.result.id });
        assert.ok(events.items.length > 0);
        assert.ok(events.items.every((e) => e.numArticles === 3));
        assert.ok(
          (await s.events({ document: other.result.id })).items.every((e) => e.numArticles === 1),
        );
        assert.deepEqual((await s.events({ document: 'syndicated-copy' })).items, []);
        // The copies are documents that state what their original states.
        const mentioning = await s.documents({ actor: 'merz-friedrich' });
        assert.deepEqual(
          mentioning.items.map((d) => [d.id, d.duplicateOf]),
          [
            [original.result.id, null],
            ['syndicated-copy', original.result.id],
            ['copy-of-copy', original.result.id],
          ],
        );
        assert.equal(
          JSON.stringify(await s.result('syndicated-copy')),
          JSON.stringify(copy.result),
        );
      } finally {
        await s.close();
      }
    });

    test('the shared actor record follows the latest publication date; events keep their own', async () => {
      const s = await fresh();
      try {
        const [original] = docs;
        assert.ok(original);
        const withRole = (id: string, published: string, role: string) =>
          variant(original, id, (r) => {
            r.document.published = published;
            const merz = r.actors.find((a) => a.id === 'merz-friedrich');
            assert.ok(merz);
            merz.role = role;
          });
        await putAll(s, [original]);
        const later = withRole('later', '2026-06-01', 'Former Chancellor of Germany');
        const earlier = withRole('earlier', '2020-01-01', 'Party leader');
        await putAll(s, [later, earlier]);
        const [merz] = (await s.actors({ actor: 'merz-friedrich' })).items;
        assert.equal(merz?.role, 'Former Chancellor of Germany');
        assert.equal(merz?.documents, 3);
        const quotes = await s.quotes({ actor: 'merz-friedrich' });
        assert.equal(quotes.items.length, 3);
        const events = await s.events({ document: 'earlier' });
        const roles = events.items
          .flatMap((e) => [e.sourceActor, e.targetActor])
          .filter((a) => a?.id === 'merz-friedrich');
        assert.ok(roles.every((a) => a?.role === 'Party leader'));
      } finally {
        await s.close();
      }
    });

    test('hostile search text is read as words, never as query syntax', async () => {
      const hostile = [
        '"unbalanced',
        'NEAR(',
        'NEAR(Riyadh ceasefire, 2)',
        'title:Riyadh',
        'Riyadh*',
        'Riyadh AND OR NOT',
        "Riyadh'); DROP TABLE documents; --",
        '{Riyadh} ^ceasefire',
        'Riyadh \u0000 ceasefire',
        'Riyadh\u0000',
        'Riyadh\u0007ceasefire\u001b[31m',
        '\ud800Riyadh',
        'Riyadh '.repeat(2000),
      ];
      for (const text of hostile) {
        const found = await store.documents({ text });
        assert.ok(found.items.length <= 1, text.slice(0, 40));
        await store.events({ text });
        await store.quotes({ text });
        await store.actors({ text });
      }
      assert.deepEqual(
        (await store.documents({ text: 'title:Riyadh' })).items.map((d) => d.id),
        [],
      );
      assert.equal((await store.stats()).documents, docs.length);
      for (const text of ['', '   ', '"', '*()', '--']) {
        await rejectsWith(store.documents({ text }), 'NG_USAGE');
      }
    });

    test('bad filters are usage errors naming the filter', async () => {
      const bad: [QueryFilter, ErrorCode, RegExp][] = [
        [{ limit: 0 }, 'NG_USAGE', /limit/],
        [{ limit: 10_001 }, 'NG_USAGE', /limit/],
        [{ limit: 1.5 }, 'NG_USAGE', /limit/],
        [{ limit: Number.NaN }, 'NG_USAGE', /limit/],
        [{ cursor: 'not a cursor' }, 'NG_USAGE', /cursor/],
        [{ cursor: Buffer.from('events:abc').toString('base64url') }, 'NG_USAGE', /cursor/],
        [{ cursor: Buffer.from('quotes:1').toString('base64url') }, 'NG_USAGE', /cursor/],
        [{ cursor: 'x'.repeat(5000) }, 'NG_USAGE', /cursor/],
        [{ since: '2025-02-30' }, 'NG_DATE_INVALID', /since/],
        [{ until: 'yesterday' }, 'NG_DATE_INVALID', /until/],
        [{ country: 'XX' }, 'NG_USAGE', /country/],
        [{ country: 'RUS; DROP' }, 'NG_USAGE', /country/],
        [{ type: "12'; --" }, 'NG_USAGE', /type/],
        [{ actor: '' }, 'NG_USAGE', /actor/],
        [{ actor: 'x'.repeat(100_000) }, 'NG_USAGE', /actor/],
        [{ document: 42 as unknown as string }, 'NG_USAGE', /document/],
      ];
      for (const [filter, code, message] of bad) {
        assert.match(await rejectsWith(store.events(filter), code), message);
      }
      await rejectsWith(store.quotes({ type: 'ACCUSE' }), 'NG_USAGE');
      assert.match(await rejectsWith(store.actors({ type: 'ACCUSE' }), 'NG_USAGE'), /person/);
      const page = await store.events({ limit: 1 });
      assert.ok(page.next);
      await rejectsWith(store.quotes({ cursor: page.next }), 'NG_USAGE');
    });

    test('malformed results are refused with the field named, and nothing is written', async () => {
      const s = await fresh();
      try {
        const [good, second] = docs;
        assert.ok(good && second);
        await putAll(s, [good]);
        const stats = await s.stats();
        const broken = (id: string, change: (r: Record<string, unknown>) => void) =>
          variant(good, id, (r) => change(r as unknown as Record<string, unknown>));
        const event = (r: Record<string, unknown>) =>
          (r.events as Record<string, unknown>[])[0] ?? {};
        const cases: [StoredArticle, RegExp][] = [
          [broken('b1', (r) => delete r.document), /result\.document/],
          [broken('', () => undefined), /result\.id/],
          [broken('x'.repeat(600), () => undefined), /result\.id.*longer/],
          [broken('b2', (r) => (event(r).negated = 'no')), /negated/],
          [broken('b3', (r) => (event(r).confidence = Number.NaN)), /confidence/],
          [broken('b4', (r) => delete event(r).trigger), /trigger/],
          [broken('b5', (r) => (r.events as unknown[]).push(event(r))), /repeats event/],
          [
            broken('b6', (r) => ((r.actors as Record<string, unknown>[])[0]!.mentions = 'x')),
            /mentions/,
          ],
          [broken('b7', (r) => ((r.quotes as Record<string, unknown>[])[0]!.start = '5')), /start/],
          [
            broken('b8', (r) => ((r.document as Record<string, unknown>).published = '04/03/2025')),
            /published/,
          ],
          [broken('b9', (r) => (r.events = null)), /result\.events/],
          [
            { ...variant(good, 'b10'), info: { ...variant(good, 'b10').info, contentHash: 'abc' } },
            /contentHash/,
          ],
          [
            { ...variant(good, 'b11'), info: { ...variant(good, 'b11').info, simhash: 'xyz' } },
            /simhash/,
          ],
          [
            {
              ...variant(good, 'b12'),
              info: { ...variant(good, 'b12').info, duplicateOf: 'not-stored' },
            },
            /duplicateOf/,
          ],
        ];
        for (const [article, message] of cases) {
          assert.match(
            await rejectsWith(s.put(article.result, article.info), 'NG_STORE_INVALID'),
            message,
          );
        }
        for (const value of [null, 'text', [], 42]) {
          await rejectsWith(
            s.put(value as unknown as ExtractionResult, good.info),
            'NG_STORE_INVALID',
          );
        }
        await rejectsWith(
          s.put(good.result, null as unknown as StoredArticle['info']),
          'NG_STORE_INVALID',
        );
        await rejectsWith(s.findNearDuplicate('not-hex', 3), 'NG_STORE_INVALID');
        await rejectsWith(s.findNearDuplicate(good.info.simhash, -1), 'NG_STORE_INVALID');
        await rejectsWith(s.findNearDuplicate(good.info.simhash, 65), 'NG_STORE_INVALID');
        assert.deepEqual(await s.stats(), stats);
        // The store still takes good documents.
        assert.equal((await s.put(second.result, second.info)).stored, 'new');
      } finally {
        await s.close();
      }
    });

    test('a huge document is stored whole and found by its words', async () => {
      const s = await fresh();
      try {
        const [good] = docs;
        assert.ok(good);
        // About 5 MB of distinct words after the article (offsets stay valid: the text grows).
        const filler = Array.from({ length: 800_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
        const huge = variant(good, 'huge', (r) => {
          r.document.text = `${r.document.text}\n\n${filler}`;
        });
        assert.ok(huge.result.document.text.length > 4_000_000);
        assert.equal((await s.put(huge.result, huge.info)).stored, 'new');
        assert.equal(JSON.stringify(await s.result('huge')), JSON.stringify(huge.result));
        assert.deepEqual(
          (await s.documents({ text: 'Berlin chancellor' })).items.map((d) => d.id),
          ['huge'],
        );
      } finally {
        await s.close();
      }
    });

    test('hostile strings are stored and given back exactly', async () => {
      const s = await fresh();
      try {
        const [good] = docs;
        assert.ok(good);
        const hostile = variant(good, 'id/with\'quote"and;--', (r) => {
          r.document.title = "Robert'); DROP TABLE documents; --";
          r.document.text = `${r.document.text}\n\nNUL \u0000 here, lone \ud800 surrogate, 🙂, \u202eRTL`;
          const q = r.quotes[0];
          assert.ok(q);
          q.text = `${q.text} \u0000 %s ${'$1'} ? :name`;
          r.document.metadata.note = '\u0000\ud800';
        });
        assert.equal((await s.put(hostile.result, hostile.info)).stored, 'new');
        assert.equal(
          JSON.stringify(await s.result(hostile.result.id)),
          JSON.stringify(hostile.result),
        );
        const [doc] = (await s.documents({ document: hostile.result.id })).items;
        assert.equal(doc?.title, "Robert'); DROP TABLE documents; --");
        assert.deepEqual(
          (await s.documents({ text: 'DROP TABLE' })).items.map((d) => d.id),
          [hostile.result.id],
        );
        assert.equal(
          (await s.quotes({ document: hostile.result.id })).items.length,
          hostile.result.quotes.length,
        );
        assert.equal((await s.stats()).documents, 1);
      } finally {
        await s.close();
      }
    });

    test('opened read-only: queries answer, writes fail NG_STORE_READONLY, nothing is written', async () => {
      const url = await backend.freshUrl();
      const rw = await openStore(url);
      const [a, b] = docs;
      assert.ok(a && b);
      await putAll(rw, [a]);
      await rw.close();
      const ro = await openStore(readOnly(url));
      try {
        assert.equal((await ro.events({})).items.length, a.result.events.length);
        assert.match(await rejectsWith(ro.put(b.result, b.info), 'NG_STORE_READONLY'), /read-only/);
      } finally {
        await ro.close();
      }
      const again = await openStore(url);
      try {
        assert.equal((await again.stats()).documents, 1);
      } finally {
        await again.close();
      }
    });

    test('two connections putting the same documents at once store each once', async () => {
      const url = await backend.freshUrl();
      const one = await openStore(url);
      const two = await openStore(url);
      try {
        const outcomes = await Promise.all(
          docs.flatMap((d) => [one.put(d.result, d.info), two.put(d.result, d.info)]),
        );
        for (const d of docs) {
          const mine = outcomes.filter((o) => o.id === d.result.id).map((o) => o.stored);
          assert.deepEqual(mine.sort(), ['exists', 'new'], d.result.id);
        }
        const stats = await one.stats();
        assert.equal(stats.documents, docs.length);
        assert.equal(stats.events, eventsOf(docs).length);
      } finally {
        await one.close();
        await two.close();
      }
    });

    test('migrations: recorded once; a newer schema and foreign tables are refused', async () => {
      const url = await backend.freshUrl();
      await (await openStore(url)).close();
      await (await openStore(url)).close();
      const applied = await backend.query(url, 'SELECT version FROM schema_migrations');
      assert.deepEqual(
        applied.map((r) => Number(r.version)),
        [SCHEMA_VERSION],
      );
      await backend.query(url, "INSERT INTO schema_migrations VALUES (999, 'future', 'later')");
      assert.match(await rejectsWith(openStore(url), 'NG_STORE_VERSION'), /999/);

      const foreign = await backend.freshUrl();
      await backend.query(foreign, backend.foreignTableSql);
      assert.match(
        await rejectsWith(openStore(foreign), 'NG_STORE_FOREIGN'),
        /not a newsgraph store/,
      );
    });

    test('stats count what is stored', async () => {
      const stats = await store.stats();
      assert.deepEqual(stats, {
        documents: docs.length,
        duplicates: 0,
        actors: new Set(docs.flatMap((d) => d.result.actors.map((a) => a.id))).size,
        mentions: docs.reduce(
          (n, d) => n + d.result.actors.reduce((m, a) => m + a.mentions.length, 0),
          0,
        ),
        quotes: docs.reduce((n, d) => n + d.result.quotes.length, 0),
        events: eventsOf(docs).length,
      });
      assert.equal(store.kind, backend.name);
      void sha256;
    });
  });
}

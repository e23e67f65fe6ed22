/** Feeds: RSS 2.0, RSS 1.0 and Atom read into items; anything else is NG_FEED_PARSE. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feedDate, parseFeed } from '../../../src/sources/feed.js';
import { NewsgraphError } from '../../../src/core/errors.js';
import { FEED_FIXTURES } from '../../helpers/http-server.js';

const BASE = 'https://courier.example/feeds/';
const fixture = (name: string) => readFileSync(join(FEED_FIXTURES, name), 'utf8');

function feedError(xml: string, message: RegExp) {
  assert.throws(
    () => parseFeed(xml, 'https://courier.example/feed'),
    (e: unknown) =>
      e instanceof NewsgraphError && e.code === 'NG_FEED_PARSE' && message.test(e.message),
  );
}

test('RSS 2.0: links resolved against the feed, permalink guids, dates as written', () => {
  const feed = parseFeed(fixture('rss2.xml'), `${BASE}rss2.xml`);
  assert.equal(feed.format, 'rss');
  assert.equal(feed.title, 'Danube Courier & friends: politics');
  assert.equal(feed.items.length, 3);
  const [talks, strike, noLink] = feed.items;
  assert.deepEqual(talks, {
    link: `${BASE}pages/vienna-talks.html`,
    title: 'Coalition talks in Vienna break down over the budget',
    // 01:15 at +02:00 is still the evening before in UTC: the feed's own day is kept.
    published: '2024-05-02',
    id: 'courier-2024-0502-talks',
    summary: '<p>Negotiations between the two largest parties broke down.</p>',
  });
  assert.equal(strike?.link, `${BASE}pages/harbour-strike.html`, 'a guid is a permalink');
  assert.equal(strike?.published, '2024-05-06', 'dc:date');
  assert.equal(strike?.summary, '<p>Thousands of dock workers walked off the job.</p>');
  assert.equal(noLink?.link, null, 'isPermaLink="false" is no link');
  assert.equal(noLink?.id, 'courier-no-link');
});

test('RSS 1.0 (RDF): items beside the channel', () => {
  const feed = parseFeed(fixture('rss1.rdf'), `${BASE}rss1.rdf`);
  assert.equal(feed.format, 'rdf');
  assert.equal(feed.title, 'Danube Courier analysis (RSS 1.0)');
  assert.equal(feed.items.length, 1);
  assert.equal(feed.items[0]?.link, `${BASE}pages/vienna-talks-analysis.html`);
  assert.equal(feed.items[0]?.published, '2024-05-03');
  assert.equal(feed.items[0]?.id, 'pages/vienna-talks-analysis.html');
});

test('Atom: the alternate link, published else updated, summary else content', () => {
  const feed = parseFeed(fixture('atom.xml'), `${BASE}atom.xml`);
  assert.equal(feed.format, 'atom');
  assert.equal(feed.title, 'Alpine Post world news');
  const [syndicated, drought] = feed.items;
  assert.equal(syndicated?.link, `${BASE}pages/vienna-talks-syndicated.html`, 'not the enclosure');
  assert.equal(syndicated?.published, '2024-05-02');
  assert.equal(syndicated?.id, 'urn:uuid:5a7d9a0e-2b1c-4d8e-9f00-000000000002');
  assert.equal(syndicated?.summary, 'Negotiations broke down on Thursday.');
  assert.equal(drought?.link, `${BASE}pages/drought-aid.html`, 'a link without rel');
  assert.equal(drought?.published, '2024-05-07', 'updated when there is no published');
  assert.equal(drought?.summary, '<p>The European Union announced emergency aid.</p>');
});

test('a prefixed Atom feed and an empty channel are feeds too', () => {
  const atom = parseFeed(
    '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:entry>' +
      '<atom:link href="https://a.example/x"/><atom:title>X</atom:title></atom:entry></atom:feed>',
  );
  assert.equal(atom.items[0]?.link, 'https://a.example/x');
  assert.equal(atom.items[0]?.title, 'X');
  assert.deepEqual(parseFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>'), {
    format: 'rss',
    title: 'Quiet',
    items: [],
  });
});

test('links that are not http(s) are dropped, not fetched', () => {
  const feed = parseFeed(
    '<rss><channel><item><link>javascript:alert(1)</link></item>' +
      '<item><link>mailto:desk@courier.example</link></item>' +
      '<item><link>https://courier.example/a b</link></item></channel></rss>',
    BASE,
  );
  assert.deepEqual(
    feed.items.map((i) => i.link),
    [null, null, 'https://courier.example/a%20b'],
  );
});

test('garbage, an HTML page, an empty body and other XML are NG_FEED_PARSE', () => {
  feedError('', /empty/);
  feedError('   \n ', /empty/);
  feedError('%PDF-1.7 \u0000\u0001 binary <<>> stuff', /does not start with an XML element/);
  feedError('{"items": []}', /does not start with an XML element/);
  feedError(readFileSync(join(FEED_FIXTURES, 'pages/drought-aid.html'), 'utf8'), /HTML page/);
  feedError('<?xml version="1.0"?><note><to>Desk</to></note>', /root element is <note>/);
  feedError('<rss version="2.0"><item><title>x</title></item></rss>', /no <channel>/);
});

test('feed dates: RFC 822 and ISO 8601 as written, other forms through Date.parse', () => {
  assert.equal(feedDate('Tue, 03 Jun 2025 23:39:21 -0700'), '2025-06-03');
  assert.equal(feedDate('3 Jun 25 09:39 GMT'), '2025-06-03', 'two-digit year');
  assert.equal(feedDate('Mon, 1 September 2025 10:00:00 +0000'), '2025-09-01');
  assert.equal(feedDate('2025-06-03T01:00:00+09:00'), '2025-06-03');
  assert.equal(feedDate('June 3, 2025'), '2025-06-03');
  assert.equal(feedDate('Fri, 30 Feb 2024 10:00:00 GMT'), null, 'no such day');
  assert.equal(feedDate('2024-02-30'), null);
  assert.equal(feedDate('soon'), null);
  assert.equal(feedDate(null), null);
});

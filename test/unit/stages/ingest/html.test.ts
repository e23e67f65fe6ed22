import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { NewsgraphError } from '../../../../src/core/errors.js';
import { readHtmlArticle, type HtmlArticle } from '../../../../src/stages/ingest/html.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/html/${name}`, import.meta.url), 'utf8');
}

function isNoContent(error: unknown): boolean {
  return error instanceof NewsgraphError && error.code === 'NG_HTML_NO_CONTENT';
}

function allText(article: HtmlArticle): string {
  return [article.title, article.byline, article.siteName, ...article.paragraphs].join('\n');
}

/** A minimal page around `head` and `body` markup, for metadata tests. */
function page(
  head: string,
  body = '<p>The committee met on Monday to discuss the budget.</p>',
): string {
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
}

describe('readHtmlArticle: fixture pages', () => {
  it('reads a full news page and leaves out navigation, sharing, comments and footer', () => {
    const article = readHtmlArticle(fixture('full-news.html'), {
      url: 'https://ledger.example.com/news/',
    });
    assert.deepEqual(article, {
      title: 'Harbour city council approves flood barrier plan',
      byline: 'Maria Keller',
      published: '2024-03-05',
      language: 'en',
      canonicalUrl: 'https://ledger.example.com/news/2024/03/05/flood-barrier-plan',
      siteName: 'The Northern Ledger',
      paragraphs: [
        'The city council of Eastport voted on Tuesday to build a movable flood barrier across the mouth of the old harbour, ending a debate that has divided the town for almost a decade.',
        'The old harbour at dusk. Photo: Jane Doe / Reuters',
        'Twenty-three councillors backed the plan and eleven voted against it. Mayor Tomas Brandt said the barrier would protect about 4,000 homes from storm surges that have grown more frequent since 2015.',
        'Cost and timetable',
        'The project is expected to cost 310 million euros, with the national government covering two thirds. Construction could start next spring and last four years.',
        '\u201cWe cannot keep sandbagging the same streets every winter,\u201d Brandt told reporters after the vote.',
        'Opponents, led by the Green group on the council, argued that the money would be better spent on relocating the most exposed neighbourhoods. They said they would ask the regional court to review the decision.',
        'The barrier will be 180 metres long.',
        'It will close about a dozen times a year.',
        'A public consultation on the final design will open in May.',
      ],
    });
    const text = allText(article);
    for (const boilerplate of [
      'Skip to content',
      'Politics',
      'Share on',
      'Copy link',
      'Related stories',
      'Storm season',
      'harbourwatcher',
      'My cellar flooded',
      'Post comment',
      'All rights reserved',
      'Privacy policy',
      'dataLayer',
      'Tags:',
    ]) {
      assert.ok(!text.includes(boilerplate), `unexpected "${boilerplate}"`);
    }
  });

  it('keeps a relative canonical link as written when no page URL is given', () => {
    const article = readHtmlArticle(fixture('full-news.html'));
    assert.equal(article.canonicalUrl, '/news/2024/03/05/flood-barrier-plan');
  });

  it('reads metadata from JSON-LD (inside @graph, after a malformed block)', () => {
    const article = readHtmlArticle(fixture('jsonld-only.html'));
    assert.deepEqual(article, {
      title: 'Rail strike talks resume after two-week pause',
      byline: 'Samir Haddad',
      published: '2023-11-28',
      language: 'en',
      canonicalUrl: null,
      siteName: 'Midland Courier',
      paragraphs: [
        "Negotiators for the national rail operator and the train drivers' union met again on Monday, two weeks after talks broke down over pay and rest-day rules.",
        'The union is asking for a rise of 9 percent over two years. The operator has offered 5 percent, together with a one-off payment for staff on the lowest grades.',
        'Neither side spoke to reporters as they arrived at the mediation office in the capital, but a union official said the mood was "businesslike".',
        'Rolling strikes since October have cancelled more than 6,000 services. Freight traffic has also been hit, and several manufacturers say deliveries of parts are running late.',
        'The transport ministry has said it will not intervene directly but has urged both sides to reach a deal before the holiday timetable begins.',
      ],
    });
  });

  it('reads a Bulgarian page and drops the Cyrillic title heading', () => {
    const article = readHtmlArticle(fixture('bulgarian.html'));
    assert.deepEqual(article, {
      title: 'Общината в Пловдив одобри нов план за градския транспорт',
      byline: 'Елена Петрова',
      published: '2024-06-12',
      language: 'bg',
      canonicalUrl: 'https://example.bg/novini/transport-plovdiv',
      siteName: 'Вестник Тракия',
      paragraphs: [
        // The dateline stays: recognising it is the cleaning step's job.
        '12 юни 2024',
        'Общинският съвет в Пловдив прие в четвъртък нов план за развитие на градския транспорт, който предвижда още четири автобусни линии до края на годината.',
        'Според плана ще бъдат закупени 40 нови електрически автобуса. Средствата ще дойдат от общинския бюджет и от европейска програма за чист въздух.',
        'Нови маршрути',
        'Кметът заяви, че новите линии ще свържат жилищните квартали на север с индустриалната зона. Първите автобуси се очаква да тръгнат през септември.',
        'Част от опозицията в съвета гласува против, като настоя първо да бъдат ремонтирани спирките в центъра на града.',
      ],
    });
    assert.ok(!allText(article).includes('Начало'));
    assert.ok(!allText(article).includes('Всички права'));
  });

  it('reads malformed markup leniently (no <html>, unclosed <p>, stray closers, control bytes)', () => {
    const article = readHtmlArticle(fixture('malformed.html'));
    assert.deepEqual(article, {
      title: 'Storm closes mountain pass',
      byline: null,
      published: '2024-01-17',
      language: null,
      canonicalUrl: null,
      siteName: null,
      paragraphs: [
        'Heavy snow closed the only road over the Verra pass on Wednesday, cutting off three villages for the second time this winter.',
        'Police said the road would stay shut until ploughs could clear drifts of up to two metres. Residents were asked to stay at home.',
        'Power lines were also damaged near the village of Ostra, where about 200 households lost electricity overnight.',
        'Repair crews reached the area by helicopter.',
        'The regional weather office expects more snow on Friday.',
      ],
    });
  });

  it('reads a page too short for Readability from its <article>', () => {
    const article = readHtmlArticle(fixture('short.html'));
    assert.deepEqual(article, {
      title: 'Library reopens after repairs',
      byline: null,
      published: '2022-09-30',
      language: 'en',
      canonicalUrl: null,
      siteName: null,
      paragraphs: [
        'The town library reopened on Friday after six months of roof repairs.',
        "Opening hours are unchanged, and the children's reading room now has a ramp.",
      ],
    });
  });

  it('throws NG_HTML_NO_CONTENT for a page with only navigation and scripts', () => {
    assert.throws(() => readHtmlArticle(fixture('no-content.html')), isNoContent);
  });
});

describe('readHtmlArticle: degenerate input', () => {
  it('throws NG_HTML_NO_CONTENT for empty and blank strings', () => {
    assert.throws(() => readHtmlArticle(''), isNoContent);
    assert.throws(() => readHtmlArticle(' \n\t '), isNoContent);
  });

  it('throws NG_HTML_NO_CONTENT for an empty document', () => {
    assert.throws(() => readHtmlArticle('<html></html>'), isNoContent);
    assert.throws(
      () => readHtmlArticle('<!DOCTYPE html><html><head></head><body></body></html>'),
      isNoContent,
    );
    assert.throws(() => readHtmlArticle('<p>   </p><div>&nbsp;</div>'), isNoContent);
  });

  it('throws NG_HTML_NO_CONTENT for control bytes and replacement characters', () => {
    const garbage =
      '\u0000\u0001\u0002\u0003\u001b\u007f\ufffd\ufffd<\u0004>\u0005</\u0006>\u0080\u0099';
    assert.throws(() => readHtmlArticle(garbage.repeat(200)), isNoContent);
  });

  it('survives binary-looking garbage: text without control characters, or NG_HTML_NO_CONTENT', () => {
    let seed = 12345;
    const bytes = Buffer.alloc(20_000);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = seed >> 16;
    }
    for (const encoding of ['latin1', 'utf8'] as const) {
      let article: HtmlArticle | null = null;
      try {
        article = readHtmlArticle(bytes.toString(encoding));
      } catch (error) {
        assert.ok(isNoContent(error), `unexpected error ${String(error)}`);
      }
      if (article !== null) {
        assert.ok(article.paragraphs.length > 0);
        for (const paragraph of article.paragraphs) {
          assert.ok(paragraph !== '' && paragraph === paragraph.trim());
          assert.doesNotMatch(paragraph, /[\u0000-\u0008\u000b-\u001f\u007f]|\s\s/);
        }
      }
    }
  });

  it('reads a fragment of bare paragraphs', () => {
    const article = readHtmlArticle('<p>First   line\n of text.</p><p>Second <em>line</em>.');
    assert.deepEqual(article.paragraphs, ['First line of text.', 'Second line.']);
    assert.equal(article.title, null);
  });

  it('reads a huge page completely (20,000 paragraphs)', () => {
    const count = 20_000;
    const body = Array.from(
      { length: count },
      (_, i) => `<p>Paragraph ${i + 1} of the generated report, with a few more words in it.</p>`,
    ).join('\n');
    const html = `<html lang="en"><head><title>Generated report</title></head><body><nav><a href="/">Home</a></nav><article>${body}</article><footer>Footer text</footer></body></html>`;
    const article = readHtmlArticle(html);
    assert.equal(article.paragraphs.length, count);
    assert.equal(
      article.paragraphs[0],
      'Paragraph 1 of the generated report, with a few more words in it.',
    );
    assert.equal(
      article.paragraphs[count - 1],
      `Paragraph ${count} of the generated report, with a few more words in it.`,
    );
    assert.ok(!article.paragraphs.includes('Home'));
  });

  it('reads deeply nested unclosed tags', () => {
    const sentence = 'The flood water reached the old town square late in the evening. ';
    const html = `<html><body>${'<div><b>'.repeat(600)}<p>${sentence.repeat(12)}</p><p>Second paragraph.</p></body></html>`;
    const article = readHtmlArticle(html);
    assert.deepEqual(article.paragraphs, [sentence.repeat(12).trim(), 'Second paragraph.']);
  });
});

describe('readHtmlArticle: paragraphs', () => {
  it('splits at block elements and <br>, keeps inline text, drops scripts and styles', () => {
    const html = page(
      '<title>Port reopens</title>',
      `<article>
        <p>The port <a href="/p">reopened</a> on <b>Monday</b>&nbsp;morning &amp; ships queued.<script>track()</script></p>
        <div>Line one<br>Line two<br><br>Line three</div>
        <style>.x{}</style><noscript>Enable JavaScript</noscript>
        <h3>What comes next</h3>
        <ul><li>Customs checks</li><li>New <i>berths</i></li></ul>
        <table><tr><td>Ships</td><td>42</td></tr></table>
      </article>`,
    );
    assert.deepEqual(readHtmlArticle(html).paragraphs, [
      'The port reopened on Monday morning & ships queued.',
      'Line one',
      'Line two',
      'Line three',
      'What comes next',
      'Customs checks',
      'New berths',
      'Ships 42',
    ]);
  });

  it('falls back to <main> without share, newsletter and hidden elements', () => {
    const html = page(
      '<title>Bridge inspection finds cracks</title>',
      `<header>Site header</header>
       <main>
         <h1>Bridge inspection finds cracks</h1>
         <p>Engineers found cracks in two supports of the river bridge.</p>
         <div class="share-tools">Share this story</div>
         <div id="newsletter-signup">Sign up for our newsletter</div>
         <p hidden>Hidden teaser</p>
         <div role="navigation">Next story</div>
         <p>The bridge will close to lorries from Monday.</p>
       </main>
       <footer>Footer</footer>`,
    );
    const article = readHtmlArticle(html);
    assert.equal(article.title, 'Bridge inspection finds cracks');
    assert.deepEqual(article.paragraphs, [
      'Engineers found cracks in two supports of the river bridge.',
      'The bridge will close to lorries from Monday.',
    ]);
  });
});

describe('readHtmlArticle: metadata', () => {
  it('strips the site name from the title', () => {
    const head =
      '<title>Talks collapse in Geneva - Example News</title><meta property="og:site_name" content="Example News">';
    assert.equal(readHtmlArticle(page(head)).title, 'Talks collapse in Geneva');
    assert.equal(
      readHtmlArticle(page('<title>Talks collapse - day two</title>')).title,
      'Talks collapse - day two',
    );
  });

  it('prefers og:title over <title> and falls back to the first <h1>', () => {
    assert.equal(
      readHtmlArticle(
        page('<title>Site | Page</title><meta property="og:title" content="Real headline">'),
      ).title,
      'Real headline',
    );
    assert.equal(
      readHtmlArticle(page('', '<h1>Only a heading</h1><p>And one paragraph of text.</p>')).title,
      'Only a heading',
    );
  });

  it('normalises publication dates and skips invalid ones', () => {
    const cases: [string, string, string | null][] = [
      [
        '<meta property="article:published_time" content="2024-02-29T23:30:00-05:00">',
        '',
        '2024-02-29',
      ],
      [
        '<meta property="article:published_time" content="2023-02-29">' +
          '<meta name="date" content="2023-03-01">',
        '',
        '2023-03-01',
      ],
      ['<meta name="DC.date.issued" content="2021/7/4">', '', '2021-07-04'],
      ['<meta name="publishdate" content="Tue, 05 Mar 2024 10:00:00 GMT">', '', '2024-03-05'],
      [
        '',
        '<article><time datetime="March 5, 2024">5/3</time><p>Text of the article.</p></article>',
        '2024-03-05',
      ],
      [
        '',
        '<p>Posted <span itemprop="datePublished">2020-12-31</span></p><p>Text.</p>',
        '2020-12-31',
      ],
      ['<meta name="pubdate" content="yesterday">', '', null],
      ['<meta name="date" content="2024-13-01">', '', null],
      [
        '<script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"2019-05-06"}]</script>',
        '',
        '2019-05-06',
      ],
      ['', '', null],
    ];
    for (const [head, body, expected] of cases) {
      const html = body === '' ? page(head) : page(head, body);
      assert.equal(readHtmlArticle(html).published, expected, `${head} ${body}`);
    }
  });

  it('reads the primary language subtag', () => {
    const withLang = (lang: string): string =>
      `<html lang="${lang}"><body><p>Some article text here.</p></body></html>`;
    assert.equal(readHtmlArticle(withLang('EN-us')).language, 'en');
    assert.equal(readHtmlArticle(withLang('bg_BG')).language, 'bg');
    assert.equal(readHtmlArticle(withLang('x')).language, null);
    assert.equal(
      readHtmlArticle(page('<meta http-equiv="Content-Language" content="de-AT">')).language,
      'de',
    );
    assert.equal(readHtmlArticle(page('')).language, null);
  });

  it('resolves og:url and canonical links against the page URL', () => {
    const url = 'https://news.example.org/world/story?id=7';
    assert.equal(
      readHtmlArticle(page('<meta property="og:url" content="/world/story">'), { url })
        .canonicalUrl,
      'https://news.example.org/world/story',
    );
    assert.equal(
      readHtmlArticle(
        page(
          '<link rel="Canonical" href="https://example.org/a"><meta property="og:url" content="/b">',
        ),
        { url },
      ).canonicalUrl,
      'https://example.org/a',
    );
    assert.equal(readHtmlArticle(page(''), { url }).canonicalUrl, null);
  });

  it('reads the byline from meta author, JSON-LD or a byline element', () => {
    assert.equal(
      readHtmlArticle(page('<meta name="author" content="Ana Lima">')).byline,
      'Ana Lima',
    );
    assert.equal(
      readHtmlArticle(
        page(
          '<script type="application/ld+json">{"@type":"Article","author":[{"name":"A. One"},{"name":"B. Two"}]}</script>',
        ),
      ).byline,
      'A. One, B. Two',
    );
    assert.equal(
      readHtmlArticle(
        page('', '<p class="byline">By  Chen Wei</p><p>Article text follows here.</p>'),
      ).byline,
      'Chen Wei',
    );
  });
});

it('a separated <title> yields the part that is the page heading, without a site name', () => {
  const page = `<html><head><title>Border reopens | Example News</title></head><body>
<article><h1>Border reopens</h1><p>The border crossing reopened on Wednesday after three weeks.</p></article></body></html>`;
  assert.equal(readHtmlArticle(page).title, 'Border reopens');
  const noHeading =
    '<html><head><title>Talks - Day 2</title></head><body><p>Talks went on for a second day in the capital.</p></body></html>';
  assert.equal(readHtmlArticle(noHeading).title, 'Talks - Day 2');
});

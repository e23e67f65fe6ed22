/**
 * Quotes on sentences written for these tests, against the small test KB in test/fixtures/kb:
 * every quote form of the issue, each with the cases that must not be quotes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { createExtractor, type Extractor } from '../../../../src/extract.js';
import { loadKnowledgeBase } from '../../../../src/kb/kb.js';
import type { ActorResult, QuoteResult } from '../../../../src/output/result.js';
import { buildPipeline } from '../../../../src/pipeline/pipeline.js';
import { actorStages } from '../../../../src/stages/actors/index.js';
import { languageStage } from '../../../../src/stages/language/language.js';
import { quotesStage, quoteAt } from '../../../../src/stages/quotes/quotes.js';
import { quoteRules } from '../../../../src/stages/quotes/rules.js';
import { QuoteContext } from '../../../../src/stages/quotes/speaker.js';
import { actorLexicon } from '../../../../src/stages/actors/lexicon.js';
import { segmentStage } from '../../../../src/stages/segment/segment.js';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/kb');
const kb = loadKnowledgeBase({
  files: [resolve(FIXTURES, 'test-kb.jsonl')],
  agentsFile: resolve(FIXTURES, 'agents.jsonl'),
});

let shared: Extractor | undefined;
async function extractor(): Promise<Extractor> {
  if (!shared) {
    const pipeline = buildPipeline(
      [languageStage(), segmentStage(), ...actorStages({ kb }), quotesStage()],
      ['paragraphs'],
    );
    shared = createExtractor({ pipeline, fallbackDate: '2025-08-25' });
    await shared.init();
  }
  return shared;
}

async function quotes(text: string): Promise<QuoteResult[]> {
  const e = await extractor();
  return e.extract({ format: 'txt', title: null, text, origin: { file: 'test' } }).quotes;
}

/** [kind, speaker id or speakerText, content] of each quote. */
async function read(text: string): Promise<[string, string | null, string][]> {
  return (await quotes(text)).map((q) => [q.kind, q.speaker ?? q.speakerText, q.text]);
}

// ---------------------------------------------------------------------------------------------
// Direct quotes: every quote mark

test('direct quotes with every quote mark news uses', async () => {
  const cases: [string, string][] = [
    ['"We will not give up," Kallas said.', 'We will not give up'],
    ['“We will not give up,” Kallas said.', 'We will not give up'],
    ['„We will not give up“, Kallas said.', 'We will not give up'],
    ['«We will not give up», Kallas said.', 'We will not give up'],
    ['‘We will not give up,’ Kallas said.', 'We will not give up'],
    ["'We will not give up,' Kallas said.", 'We will not give up'],
  ];
  for (const [text, content] of cases) {
    assert.deepEqual(await read(text), [['direct', 'kallas-kaja', content]], text);
  }
});

test('mismatched marks a scraper leaves (“…“) still close the quotation', async () => {
  assert.deepEqual(
    await read(
      '“This is the trap that Russia wants. Without any legal basis for this“, said Kallas.',
    ),
    [
      [
        'direct',
        'kallas-kaja',
        'This is the trap that Russia wants. Without any legal basis for this',
      ],
    ],
  );
});

test('apostrophes and possessives are not quote marks', async () => {
  assert.deepEqual(
    await read("Russia's envoy didn't come. Putin’s aides weren’t there either."),
    [],
  );
});

test('wiki markup (two or three apostrophes) is not a quotation', async () => {
  assert.deepEqual(await read("The ''Granja do Torto'' residence hosted the talks."), []);
});

// ---------------------------------------------------------------------------------------------
// Direct quotes: where the speaker stands

test('speaker before the quotation: colon, comma, told reporters, wrote on Telegram', async () => {
  assert.deepEqual(await read('Kallas said: "There can be no concessions to Putin."'), [
    ['direct', 'kallas-kaja', 'There can be no concessions to Putin.'],
  ]);
  assert.deepEqual(await read('Rutte told reporters, "The alliance stands with Kyiv."'), [
    ['direct', 'rutte-mark', 'The alliance stands with Kyiv.'],
  ]);
  assert.deepEqual(await read('Zelensky wrote on Telegram: "Russia is shelling Kharkiv again."'), [
    ['direct', 'zelensky-volodymyr', 'Russia is shelling Kharkiv again.'],
  ]);
});

test('speaker after the quotation: said X, X said, X told reporters, inverted title', async () => {
  assert.deepEqual(await read('"The talks were useful", said Lavrov.'), [
    ['direct', 'lavrov-sergey', 'The talks were useful'],
  ]);
  assert.deepEqual(await read('"The talks were useful," Lavrov told reporters.'), [
    ['direct', 'lavrov-sergey', 'The talks were useful'],
  ]);
  assert.deepEqual(
    await read('"The talks were useful," said the EU\'s foreign policy chief Kaja Kallas.'),
    [['direct', 'kallas-kaja', 'The talks were useful']],
  );
});

test('a pronoun speaker is the actor coreference gives', async () => {
  const [first, second] = await quotes(
    'Kallas arrived in Kyiv on Monday. "Europe will not look away," she said.',
  );
  assert.equal(first?.speaker, 'kallas-kaja');
  assert.equal(first?.speakerText, 'she');
  assert.equal(second, undefined);
});

test('a description with no actor is kept as speakerText', async () => {
  const list = await quotes('"The deal is dead," a senior official said.');
  assert.deepEqual(
    list.map((q) => [q.speaker, q.speakerText]),
    [[null, 'a senior official']],
  );
  const spokesman = await quotes('"No comment," said a spokesman for the European Union.');
  assert.deepEqual(
    spokesman.map((q) => [q.speaker, q.speakerText]),
    [[null, 'a spokesman for the European Union']],
  );
});

test('a quote over several sentences and reopened paragraphs is one quote', async () => {
  const text = [
    'EU foreign ministers meet',
    '',
    '“We have done a lot. We will do more.',
    '',
    '“Nobody should doubt our resolve,” Kallas said.',
  ].join('\n');
  const list = await quotes(text);
  assert.equal(list.length, 1);
  assert.equal(list[0]?.speaker, 'kallas-kaja');
  assert.match(
    list[0]?.text ?? '',
    /^We have done a lot\. We will do more\.\s+“Nobody should doubt our resolve$/,
  );
});

test('a quotation with no cue continues the last speaker', async () => {
  assert.deepEqual(
    await read('"We will hold the line," Rutte said. "Our support for Ukraine will not end."'),
    [
      ['direct', 'rutte-mark', 'We will hold the line'],
      ['direct', 'rutte-mark', 'Our support for Ukraine will not end.'],
    ],
  );
});

// ---------------------------------------------------------------------------------------------
// Not quotes

test('scare quotes inside reported speech belong to it and are no quote of their own', async () => {
  assert.deepEqual(
    await read('Lavrov said that Russia supposedly "cannot agree" to such a plan.'),
    [['indirect', 'lavrov-sergey', 'Russia supposedly "cannot agree" to such a plan']],
  );
});

test('titles, operations, nicknames and terms in quote marks are not quotes', async () => {
  for (const text of [
    'Putin launched what he called a "special military operation" in 2022.',
    'The army began Operation "Iron Shield" on Monday.',
    'Her book called "The Long Road Home" sold well.',
    'Zelensky, known as "the servant", met Trump.',
    'The so-called "coalition of the willing" met in Paris.',
  ]) {
    assert.deepEqual(await read(text), [], text);
  }
});

test('a quotation no one is named for is left out', async () => {
  assert.deepEqual(await read('"Peace now" was written on the wall of the embassy.'), []);
});

// ---------------------------------------------------------------------------------------------
// Indirect speech

test('X said (that) …: the content is the reported clause', async () => {
  assert.deepEqual(await read('Putin said that Russia would not attend the talks.'), [
    ['indirect', 'putin-vladimir', 'Russia would not attend the talks'],
  ]);
  // Past a time phrase too.
  assert.deepEqual(await read('Putin said on Monday Russia would not attend the talks.'), [
    ['indirect', 'putin-vladimir', 'Russia would not attend the talks'],
  ]);
  assert.deepEqual(await read('Putin said Russia would not attend the talks.'), [
    ['indirect', 'putin-vladimir', 'Russia would not attend the talks'],
  ]);
  assert.deepEqual(await read('Trump told reporters that sanctions were coming.'), [
    ['indirect', 'trump-donald', 'sanctions were coming'],
  ]);
});

test('…, X said / …, said X / …, X assured: the content is what precedes', async () => {
  assert.deepEqual(
    await read(
      'The coalition will provide Kyiv with guarantees, NATO Secretary General Mark Rutte assured.',
    ),
    [['indirect', 'rutte-mark', 'The coalition will provide Kyiv with guarantees']],
  );
  assert.deepEqual(await read('Sanctions will follow, said Kallas.'), [
    ['indirect', 'kallas-kaja', 'Sanctions will follow'],
  ]);
});

test('According to X, … and …, according to X', async () => {
  assert.deepEqual(await read('According to Kallas, the package could be approved in September.'), [
    ['indirect', 'kallas-kaja', 'the package could be approved in September'],
  ]);
  assert.deepEqual(await read('The package could be approved in September, according to Kallas.'), [
    ['indirect', 'kallas-kaja', 'The package could be approved in September'],
  ]);
});

test('indicated / stressed / noted that … need their that-clause', async () => {
  assert.deepEqual(await read('Zelensky indicated that Kyiv was ready for a ceasefire.'), [
    ['indirect', 'zelensky-volodymyr', 'Kyiv was ready for a ceasefire'],
  ]);
  assert.deepEqual(await read('Rutte stressed on Tuesday that the alliance was united.'), [
    ['indirect', 'rutte-mark', 'the alliance was united'],
  ]);
  // No clause: emphasis, not reported speech.
  assert.deepEqual(await read('Rutte stressed the importance of air defence.'), []);
  assert.deepEqual(await read('Europe and the United States insist on the need for talks.'), []);
  assert.deepEqual(await read('Kallas noted the progress made in Kyiv.'), []);
});

test('X commented on …: … takes the words after the colon', async () => {
  assert.deepEqual(
    await read('Kallas commented on the vote: the result shows that Europe is united.'),
    [['indirect', 'kallas-kaja', 'the result shows that Europe is united']],
  );
});

test('threatened is speech only with a that-clause; threatened to … is an event', async () => {
  assert.deepEqual(await read('Medvedev threatened that Moscow would respond.'), [
    ['indirect', 'medvedev-dmitry', 'Moscow would respond'],
  ]);
  assert.deepEqual(await read('Trump threatened to impose new sanctions on Russia.'), []);
  assert.deepEqual(await read('He threatened decisive measures if the talks failed.'), []);
});

test('participles and coordinated verbs take the speaker of their clause', async () => {
  assert.deepEqual(
    await read('Zelensky met Trump on Friday, saying that Kyiv needed air defence.'),
    [['indirect', 'zelensky-volodymyr', 'Kyiv needed air defence']],
  );
  assert.deepEqual(
    await read('Lavrov refused to set a timetable and stated that troops would stay.'),
    [['indirect', 'lavrov-sergey', 'troops would stay']],
  );
});

test('an infinitive, a passive or an expletive subject names no speaker', async () => {
  assert.deepEqual(
    await read('It is important to clarify that Trump has not imposed sanctions.'),
    [],
  );
  assert.deepEqual(await read('It is also reported that Russian forces destroyed a bridge.'), []);
});

test('an apposition does not hide the speaker', async () => {
  assert.deepEqual(await read('Rutte, the head of the alliance, said the summit would go ahead.'), [
    ['indirect', 'rutte-mark', 'the summit would go ahead'],
  ]);
});

test('a reported clause pointing back takes the sentence before it', async () => {
  assert.deepEqual(
    await read(
      'There can be no concessions to Putin. This may be the biggest mistake, said Kallas.',
    ),
    [
      [
        'indirect',
        'kallas-kaja',
        'There can be no concessions to Putin. This may be the biggest mistake',
      ],
    ],
  );
  // A sentence about someone else stays narration.
  assert.deepEqual(await read('Putin met Trump in Alaska. This was a mistake, said Kallas.'), [
    ['indirect', 'kallas-kaja', 'This was a mistake'],
  ]);
});

// ---------------------------------------------------------------------------------------------
// Ids, offsets, rules and attribution

test('quotes carry ids, offsets into the text, the cue and the rule', async () => {
  const text = 'Putin said that Russia would not attend. "We will wait," Kallas said.';
  const list = await quotes(text);
  assert.deepEqual(
    list.map((q) => [q.id, q.cue, q.rule]),
    [
      ['q1', 'said', 'quote.say'],
      ['q2', 'said', 'quote.say'],
    ],
  );
  for (const q of list) assert.equal(text.slice(q.start, q.end), q.text);
});

test('quoteAt finds the quote that holds a span, for event attribution', async () => {
  const text = 'Kallas said that Russia had shelled Kharkiv again.';
  const list = await quotes(text);
  const at = text.indexOf('shelled');
  assert.equal(quoteAt(list, at, at + 7)?.id, 'q1');
  assert.equal(quoteAt(list, 0, 6), undefined);
});

test('text that is not English gets no quotes', async () => {
  assert.deepEqual(await read('«Мы не сдадимся», — сказал Зеленский журналистам в Киеве.'), []);
});

test('more speaker forms: went on to say, quotes X as saying, a closing mark as separator', async () => {
  assert.deepEqual(await read('Kallas went on to say, "Europe will not blink."'), [
    ['direct', 'kallas-kaja', 'Europe will not blink.'],
  ]);
  assert.deepEqual(
    await read('The paper quotes a senior official as saying that "the talks are over."'),
    [['direct', 'a senior official', 'the talks are over.']],
  );
  assert.deepEqual(await read('The plan "will lead nowhere" added Lavrov, speaking in Minsk.'), [
    ['indirect', 'lavrov-sergey', 'The plan "will lead nowhere'],
  ]);
  // No comma before "he said": the pronoun and the cue close the sentence.
  assert.deepEqual(
    await read('Putin spoke in Moscow. More sanctions would be a mistake he said.'),
    [['indirect', 'putin-vladimir', 'More sanctions would be a mistake']],
  );
  // …and a "he" no one can be found for names no speaker.
  assert.deepEqual(await read('If NATO did so it would be a mistake he said.'), []);
});

test('bare clauses with phrases, a country named US, and a missing space after the comma', async () => {
  assert.deepEqual(await read('Kallas said US allies in the region are worried.'), [
    ['indirect', 'kallas-kaja', 'US allies in the region are worried'],
  ]);
  assert.deepEqual(await read('Putin said only a small part of the army was involved.'), [
    ['indirect', 'putin-vladimir', 'only a small part of the army was involved'],
  ]);
  assert.deepEqual(await read('Trump said,"We will see what happens."'), [
    ['direct', 'trump-donald', 'We will see what happens.'],
  ]);
  // An object pronoun after the cue is no clause.
  assert.deepEqual(await read('Zelensky told us nothing.'), []);
});

test('hostile text: thousands of quotations and cues stay linear and end', async () => {
  const unit =
    '"We will never agree to this plan," Kallas said. "Nor to any other plan of theirs." ';
  const text = unit.repeat(2000);
  const list = await quotes(text);
  assert.equal(list.length, 4000);
  assert.ok(list.every((q) => q.speaker === 'kallas-kaja'));
});

test('"On Friday, the President of Russia said": the president, not the day', async () => {
  const got = await read(
    'Russia voted. President Vladimir Putin was calm. On Friday, the President of Russia said the vote was fair.',
  );
  assert.deepEqual(got, [['indirect', 'putin-vladimir', 'the vote was fair']]);
});

// ---------------------------------------------------------------------------------------------
// The token index the quote and event stages share

test('contexts of one document share its token index, worked out again when a layer is replaced', async () => {
  const e = await extractor();
  const doc = e.document({
    format: 'txt',
    title: null,
    text: 'Kaja Kallas met reporters in Tallinn. She said nothing.',
    origin: { file: 'test' },
  });
  const actors = new Map(
    ((doc.actors ?? []) as ActorResult[]).map((a): [string, ActorResult] => [a.id, a]),
  );
  const first = new QuoteContext(doc, quoteRules(), actorLexicon(), actors);
  const kallas = first.mentionAt(0);
  assert.equal(kallas?.actor, 'kallas-kaja');
  // A second context of the same document reads the same index (the event stage's).
  const second = new QuoteContext(doc, quoteRules(), actorLexicon(), actors);
  assert.equal(second.sentenceOf, first.sentenceOf);
  assert.equal(second.mentionAt(0), kallas);
  // Links replaced: the index is worked out again and no longer finds the mention.
  doc.links = [];
  const third = new QuoteContext(doc, quoteRules(), actorLexicon(), actors);
  assert.notEqual(third.sentenceOf, first.sentenceOf);
  assert.equal(third.mentionAt(0), undefined);
  assert.deepEqual([...third.sentenceOf], [...first.sentenceOf]);
});

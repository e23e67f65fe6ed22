/**
 * Page leftovers: lines that scraped article text carries but that are not the article —
 * navigation and share links, view counters, photo credits, bylines, datelines. Each
 * recogniser is a small function over one trimmed line; `classifyLine` tries them in order.
 *
 * Recognisers are written for the general shapes, in several languages and scripts, not for
 * one site: a line must be short and wholly of the shape to count.
 */

export type LineKind = 'navigation' | 'views' | 'photoCredit' | 'byline' | 'dateline';

export interface LineClass {
  kind: LineKind;
  /** The value kept in metadata: the credit, the byline name, the number of views… */
  value: string | number;
}

// Navigation, AMP and share widgets. Whole-line matches only.
const NAVIGATION: readonly RegExp[] = [
  /^(?:link to (?:the )?(?:main|full|desktop|original) (?:version|site|article)|(?:view|see|go to) (?:the )?(?:full|main|desktop|original) (?:version|article|site))$/i,
  /^(?:read|see) (?:more|also|next|the full (?:story|article))(?: ?[:»>→…].{0,80})?$/i,
  /^(?:share|share (?:this|on|via)(?: \w+){0,3}|tweet|print|email|e-mail|send|copy link|save|like|follow us(?: on .{1,40})?|subscribe(?: .{0,40})?|sign up(?: .{0,40})?|log ?in|register)$/i,
  /^(?:comments?|\d+ comments?|comments? ?\(\d+\)|leave a (?:comment|reply)|add (?:a )?comment|show comments)$/i,
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|promo)$/i,
  /^(?:related(?: (?:articles|news|stories|posts|content))?|more (?:news|stories|on this story)|top stories|most read|latest news|you may also like)$/i,
  /^(?:skip to (?:main )?content|back to top|menu|home|close|search|next article|previous article|cookie settings|accept cookies)$/i,
  /^(?:tags?|topics?|categories|category|filed under|keywords)\s*[:：].{0,200}$/i,
  /^(?:amp|accelerated mobile pages?)$/i,
  // Bulgarian, Russian, Ukrainian, Serbian, German, French, Spanish equivalents.
  /^(?:към (?:основната|пълната) версия|прочетете (?:още|също)|вижте (?:още|също)|сподели|коментари(?: ?\(\d+\))?)$/i,
  /^(?:к (?:основной|полной) версии|читать (?:далее|также|ещё|еще)|читайте также|поделиться|комментарии(?: ?\(\d+\))?)$/i,
  /^(?:до (?:основної|повної) версії|читайте (?:також|більше)|поділитися|коментарі(?: ?\(\d+\))?)$/i,
  /^(?:pročitajte (?:još|i)|podeli|komentari(?: ?\(\d+\))?)$/i,
  /^(?:weiterlesen|mehr lesen|teilen|kommentare(?: ?\(\d+\))?|zur (?:vollversion|hauptversion))$/i,
  /^(?:lire (?:la suite|aussi|plus)|partager|commentaires(?: ?\(\d+\))?)$/i,
  /^(?:leer (?:más|también)|compartir|comentarios(?: ?\(\d+\))?)$/i,
];

// "Photo:", "Снимка:", "Фото:", "Foto:", "Zdjęcie:", "Source: …/EPA", "Photo by …", "(Photo: …)".
const CREDIT_WORDS =
  'photos?|photograph(?:y)?|photo credit|image(?: credit)?|images|picture|pic|credit|illustration|video|cover photo|' +
  'foto(?:s|grafie|grafia|grafía)?|fotó|zdjęcie|fotka|снимк[аи]|фото(?:графия)?|світлина|фотографія|илюстрация|' +
  'φωτογραφία|φωτό|bild|kuva|képek|kép|ảnh|写真|照片|图片';
const PHOTO_CREDIT = new RegExp(
  `^[(\\[]?\\s*(?:${CREDIT_WORDS})\\s*(?:[:：|—–-]|by\\b|от\\b|de\\b|von\\b)\\s*(.{1,120}?)\\s*[)\\]]?$`,
  'iu',
);
const AGENCIES =
  'EPA|AP|AFP|Reuters|Getty(?: Images)?|BGNES|БГНЕС|БТА|BTA|TASS|ТАСС|РИА Новости|RIA Novosti|Sputnik|' +
  'UNIAN|УНІАН|Ukrinform|Укрінформ|Anadolu|Xinhua|ANSA|DPA|PAP|ČTK|MTI|Shutterstock|iStock|Wikimedia Commons';
const SOURCE_AGENCY = new RegExp(
  `^(?:source|източник|источник|джерело|quelle|fuente|źródło)\\s*[:：]\\s*(.{0,80}(?:${AGENCIES}).{0,20})$`,
  'iu',
);
const AGENCY_ONLY = new RegExp(`^(.{0,60}[/©]\\s*(?:${AGENCIES}))\\s*$`, 'iu');

const VIEWS = [
  /^(\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d{1,9})$/,
  /^(?:views?|reads?|прегледи|преглеждания|просмотры|просмотров|переглядів|перегляди|👁|👁️)\s*[:：]?\s*(\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d{1,9})$/iu,
  /^(\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d{1,9})\s*(?:views?|reads?|прегледа|преглеждания|просмотр(?:ов|а)?|переглядів|перегляди|👁|👁️)$/iu,
];

const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]{0,30}";
const BYLINE = new RegExp(
  `^(?:[Bb]y|BY|[Ww]ritten by|[Pp]osted by|[Rr]eporting by|[Aa]uthor|[Аа]втор|[Оо]т|[Vv]on|[Pp]ar|[Pp]or|[Dd]i)\\s*:?\\s+(${NAME_WORD}(?:\\s+(?:${NAME_WORD}|and|и|de|van|von|der|da))*(?:\\s*,\\s*.{1,60})?)$`,
  'u',
);

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември|' +
  'январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]';
const DATELINE = new RegExp(
  `^(?:(?:published|updated|posted|публикувано|обновено|опубликовано)\\s*:?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?` +
    `(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}|(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4})` +
    `(?:\\s*(?:г\\.|,|at|в|\\||-|—)?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*(?:am|pm|ч\\.))?)?(?:\\s*(?:utc|gmt|cet|eet|msk))?$`,
  'iu',
);

function isNavigation(line: string): boolean {
  if (line.length > 120) return false;
  return NAVIGATION.some((re) => re.test(line));
}

function photoCredit(line: string): string | undefined {
  if (line.length > 160) return undefined;
  const m = PHOTO_CREDIT.exec(line) ?? SOURCE_AGENCY.exec(line) ?? AGENCY_ONLY.exec(line);
  const credit = m?.[1]?.trim();
  return credit ? credit : undefined;
}

function viewCount(line: string): number | undefined {
  if (line.length > 40) return undefined;
  for (const re of VIEWS) {
    const digits = re.exec(line)?.[1];
    if (digits) return Number(digits.replace(/[^0-9]/g, ''));
  }
  return undefined;
}

function byline(line: string): string | undefined {
  if (line.length > 100) return undefined;
  return BYLINE.exec(line)?.[1]?.trim();
}

function dateline(line: string): string | undefined {
  if (line.length > 60) return undefined;
  return DATELINE.test(line) ? line : undefined;
}

/**
 * Classifies one trimmed line. `nearTitle` is true for lines before the title and the first
 * few after it: only there are bare numbers, bylines and datelines page furniture; a bare
 * number deep in the body may be part of a list or a table.
 */
export function classifyLine(line: string, nearTitle: boolean): LineClass | undefined {
  if (line.length === 0) return undefined;
  if (isNavigation(line)) return { kind: 'navigation', value: line };
  const credit = photoCredit(line);
  if (credit !== undefined) return { kind: 'photoCredit', value: credit };
  if (!nearTitle) return undefined;
  const views = viewCount(line);
  if (views !== undefined) return { kind: 'views', value: views };
  const by = byline(line);
  if (by !== undefined) return { kind: 'byline', value: by };
  const date = dateline(line);
  if (date !== undefined) return { kind: 'dateline', value: date };
  return undefined;
}

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function isoFromParts(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The calendar date of a dateline, when it can be read without guessing: ISO dates, day-first
 * dotted dates (12.06.2024), slashed dates whose order is unambiguous, English month names.
 */
export function datelineDate(dateline: string): string | undefined {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(dateline);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(dateline);
  if (dotted) return isoFromParts(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const slashed = /\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b/.exec(dateline);
  if (slashed) {
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    if (a > 12 && b <= 12) return isoFromParts(Number(slashed[3]), b, a);
    if (b > 12 && a <= 12) return isoFromParts(Number(slashed[3]), a, b);
    return undefined;
  }
  const dayFirst = /\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})/i.exec(dateline);
  const monthFirst = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/i.exec(dateline);
  if (dayFirst) {
    const month = MONTH_NUMBERS[(dayFirst[2] ?? '').toLowerCase()];
    if (month) return isoFromParts(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  if (monthFirst) {
    const month = MONTH_NUMBERS[(monthFirst[1] ?? '').toLowerCase()];
    if (month) return isoFromParts(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  return undefined;
}

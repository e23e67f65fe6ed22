/**
 * CAMEO actor codes taken apart for the export layouts. A code is a run of three-letter
 * groups (CAMEO manual 1.1b3, chapter 3): a country or region first for domestic actors
 * (`RUSGOV`), a generic international code first for the others (`IGOUNO`, `NGOHLHIRC`),
 * then role codes, religion codes and the organisation's own code (`UNO`, `NAT`, `EEC`).
 *
 * GDELT spreads them over CountryCode, KnownGroupCode, Religion1/2Code and Type1–3Code; PLOVER
 * keeps a top-level entity code and sectors. Ethnic codes cannot be told apart from
 * organisation codes without CAMEO's long ethnic list, and the KB writes none, so a group we
 * do not know is read as the organisation's code.
 */
import { countries } from './countries.js';

/** CAMEO's international region codes (manual, table 3.3). */
const REGIONS = new Set([
  'AFR', 'ASA', 'BLK', 'CRB', 'CAU', 'CFR', 'CAS', 'CEU', 'EIN', 'EAF', 'EEU', 'EUR', 'LAM',
  'MEA', 'MDT', 'NAF', 'NMR', 'PGS', 'SCN', 'SAM', 'SAS', 'SEA', 'SAF', 'WAF', 'WST',
]); // prettier-ignore

/** Generic international codes (manual, table 3.2), plus UN peacekeepers. */
export const INTERNATIONAL = new Set(['IGO', 'IMG', 'INT', 'MNC', 'NGM', 'NGO', 'UIS', 'PKO']);

/** Role ("type") codes: the manual's table 3.1, PTY, and the generic international codes. */
const TYPES = new Set([
  'COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'REB', 'SEP', 'SPY', 'UAF', 'AGR', 'BUS', 'CRM',
  'CVL', 'DEV', 'EDU', 'ELI', 'ENV', 'HLH', 'HRI', 'LAB', 'LEG', 'MED', 'REF', 'MOD', 'RAD',
  'PTY', 'SET', ...INTERNATIONAL,
]); // prettier-ignore

/**
 * Religion codes: the named religions and families of the manual's table 4.1, the common
 * denominations, and `MUS`, which the Phoenix dictionaries (and so our KB) write for Islam.
 */
const RELIGIONS = new Set([
  'ATH', 'BAH', 'BUD', 'CHR', 'CON', 'HIN', 'JAN', 'JEW', 'MOS', 'SHN', 'SIK', 'TAO', 'ABR',
  'ADR', 'EAR', 'INR', 'IRR', 'ITR', 'NRM', 'SUN', 'SHI', 'SFI', 'CTH', 'PRO', 'DOX', 'MUS',
]); // prettier-ignore

export interface ActorCodeParts {
  /** A country (ISO alpha-3 as CAMEO writes it, `KSV` for Kosovo) or a CAMEO region. */
  country: string | null;
  /** The organisation's own code, the most specific one (`IGOUNOIAE` → `IAE`). */
  knownGroup: string | null;
  religions: string[];
  /** Role and generic international codes, in order. */
  types: string[];
}

function isPlace(group: string): boolean {
  return REGIONS.has(group) || countries().get(group) !== undefined;
}

/** Splits a CAMEO actor code; a code that is not a run of letter triples gives nothing. */
export function splitActorCode(code: string | null | undefined): ActorCodeParts {
  const parts: ActorCodeParts = { country: null, knownGroup: null, religions: [], types: [] };
  if (!code || !/^(?:[A-Z]{3})+$/.test(code)) return parts;
  const groups = code.match(/[A-Z]{3}/g) ?? [];
  groups.forEach((group, i) => {
    const previous = groups[i - 1];
    // A place comes first, or right after a generic international code ("IGOEUREEC", "NGOUSA").
    const placeSlot = i === 0 || (previous !== undefined && INTERNATIONAL.has(previous));
    if (parts.country === null && placeSlot && !TYPES.has(group) && isPlace(group)) {
      parts.country = group;
    } else if (TYPES.has(group)) {
      parts.types.push(group);
    } else if (RELIGIONS.has(group)) {
      parts.religions.push(group);
    } else {
      // Organisation codes nest (IGOUNO REF HCR): the last one names the actor itself.
      parts.knownGroup = group;
    }
  });
  return parts;
}

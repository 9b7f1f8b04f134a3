/**
 * The scenario in a link: `#s=<format>.<length>.<data>` in the URL's fragment, which browsers
 * never send to a server. `data` is the scenario's JSON as a zlib stream (RFC 1950: DEFLATE
 * with an Adler-32 checksum of the JSON), written in base64url (RFC 4648, section 5).
 * `length` is the number of characters of `data`. The length separates a link cut short from
 * a damaged one, and the checksum makes sure a damaged link is never read as another scenario.
 */
import adler32 from 'adler-32';
import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import { withoutDefaults } from './compact';
import { LINK_FORMAT, LINK_PARAMETER_PREFIX as PARAMETER_PREFIX } from './link-format';
import { SCENARIO_VERSION, type Scenario } from './schema';
import { validateScenario, type ScenarioIssue } from './validate';

export { LINK_FORMAT, isScenarioLink } from './link-format';

/** The longest URL Chromium accepts: `url::kMaxURLChars` in url/url_constants.cc, 2 MiB characters. */
export const MAX_LINK_LENGTH = 2 * 1024 * 1024;

export type LinkProblem = 'truncated' | 'corrupt' | 'not-scenario' | 'invalid' | 'newer-version';

export type DecodedLink =
  | { readonly ok: true; readonly scenario: Scenario }
  | {
      readonly ok: false;
      readonly problem: LinkProblem;
      readonly message: string;
      /** The schema's findings, with their field paths, when the problem is `invalid`. */
      readonly issues?: readonly ScenarioIssue[];
    };

export type EncodedLink =
  | { readonly ok: true; readonly fragment: string }
  | { readonly ok: false; readonly message: string; readonly issues: readonly ScenarioIssue[] };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Encodes a scenario as a URL fragment, without the `#`. A scenario that fails validation is
 * not encoded, so that every link this returns opens.
 */
export function encodeScenarioLink(scenario: Scenario): EncodedLink {
  const validation = validateScenario(scenario);
  if (!validation.ok) {
    const first = validation.issues[0];
    const where = first?.path ? `${first.path}: ` : '';
    const message = `The scenario is invalid, so it cannot be shared. ${where}${first?.message ?? ''}`.trim();
    return { ok: false, message, issues: validation.issues };
  }
  // `$schema` points at a file beside the scenario, which a link does not have.
  const { $schema: _schema, ...scenarioFields } = validation.scenario;
  const document = withoutDefaults(scenarioFields);
  const data = toBase64Url(zlibSync(strToU8(JSON.stringify(document)), { level: 9 }));
  return { ok: true, fragment: `${PARAMETER_PREFIX}${LINK_FORMAT}.${data.length}.${data}` };
}

/**
 * Decodes the scenario in a URL fragment, with or without `#`. Each failure names its
 * problem and what to do; the messages are written for the person who opened the link.
 */
export function decodeScenarioLink(fragment: string): DecodedLink {
  let text = withoutHash(fragment);
  // Some apps percent-encode the fragment when they pass a link on.
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return corrupt('it contains a broken percent-encoded character');
    }
  }
  if (!text.startsWith(PARAMETER_PREFIX)) return notScenario('it does not start with "s="');
  const parts = text.slice(PARAMETER_PREFIX.length).split('.');

  const format = parts[0] ?? '';
  if (!/^\d+$/.test(format)) return format === '' ? truncated() : corrupt(`its format "${format.slice(0, 20)}" is not a number`);
  if (Number(format) > LINK_FORMAT) {
    return {
      ok: false,
      problem: 'newer-version',
      message: `This link was made by a newer version of Lambda Playground (format ${format}); this version reads format ${LINK_FORMAT}. Open it in an up-to-date copy.`,
    };
  }
  if (Number(format) !== LINK_FORMAT) return corrupt(`its format ${format} does not exist`);

  // Cut inside the header: the length, or the dot after it, is missing.
  if (parts.length < 3) return truncated();
  const lengthText = parts[1]!;
  if (!/^\d+$/.test(lengthText)) return corrupt(`its length "${lengthText.slice(0, 20)}" is not a number`);
  const expectedLength = Number(lengthText);
  const data = parts.slice(2).join('.');
  if (data.length < expectedLength) return truncated(data.length, expectedLength);
  // Characters past the declared length (a period a chat app appended, say) are not part of
  // the scenario. The checksum still guards the part that is.
  return decodeData(data.slice(0, expectedLength));
}

function decodeData(data: string): DecodedLink {
  if (!BASE64URL.test(data) || data.length % 4 === 1) return corrupt('its scenario data contains characters a link never has');
  const bytes = fromBase64Url(data);

  let json: Uint8Array;
  try {
    json = unzlibSync(bytes);
  } catch (error) {
    return corrupt(`its scenario data cannot be decompressed (${(error as Error).message})`);
  }
  // fflate does not check the zlib stream's Adler-32 trailer, so compare it here.
  if (bytes.length < 6 || readUint32(bytes, bytes.length - 4) !== adler32.buf(json) >>> 0) {
    return corrupt('its scenario data does not match its checksum');
  }

  let document: unknown;
  try {
    document = JSON.parse(strFromU8(json));
  } catch {
    return notScenario('its data is not JSON');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document) || !('functions' in document || 'version' in document)) {
    return notScenario('its data has neither "version" nor "functions"');
  }

  const validation = validateScenario(document);
  if (validation.ok) return { ok: true, scenario: validation.scenario };
  const version = (document as { version?: unknown }).version;
  if (typeof version === 'number' && version > SCENARIO_VERSION) {
    return {
      ok: false,
      problem: 'newer-version',
      message: `This link contains a scenario of version ${version}, made by a newer version of Lambda Playground. This version reads scenario version ${SCENARIO_VERSION}: open the link in an up-to-date copy.`,
    };
  }
  const listed = validation.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  return {
    ok: false,
    problem: 'invalid',
    message: `This link's scenario is invalid: ${listed.join(' ')} Ask whoever shared it for a new link.`,
    issues: validation.issues,
  };
}

function truncated(actual?: number, expected?: number): DecodedLink {
  const counts = actual === undefined ? '' : ` It has ${actual.toLocaleString('en-US')} of the ${expected!.toLocaleString('en-US')} characters of its scenario.`;
  return {
    ok: false,
    problem: 'truncated',
    message: `This link is incomplete: it was cut off, probably when it was copied or sent.${counts} Copy the whole link again and open it.`,
  };
}

function corrupt(reason: string): DecodedLink {
  return {
    ok: false,
    problem: 'corrupt',
    message: `This link is damaged: ${reason}. Copy the link again from where it was shared, or ask for a new one.`,
  };
}

function notScenario(reason: string): DecodedLink {
  return {
    ok: false,
    problem: 'not-scenario',
    message: `This link does not hold a Lambda Playground scenario: ${reason}. Check that it is a link made with the Share button.`,
  };
}

function withoutHash(fragment: string): string {
  return fragment.startsWith('#') ? fragment.slice(1) : fragment;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}

/** Characters per `String.fromCharCode` call, well below engines' argument limits. */
const CHUNK = 0x8000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The XML of the AWS Query protocol, as IAM and STS write it: an object becomes child elements in
 * key order, a list becomes <member> elements, a Date an ISO 8601 timestamp; undefined is left out.
 */

export type XmlValue =
  | string
  | number
  | boolean
  | Date
  | undefined
  | readonly XmlValue[]
  | { readonly [element: string]: XmlValue };

export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};

/** Escapes markup; control characters XML 1.0 cannot carry (not even as references) become U+FFFD. */
export function escapeXml(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) out += '\uFFFD';
    else out += ESCAPES[c] ?? c;
  }
  return out;
}

/** `<name>value</name>` (nothing for undefined). */
export function element(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  return `<${name}>${content(value)}</${name}>`;
}

function content(value: XmlValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return escapeXml(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return (value as readonly XmlValue[]).map((item) => element('member', item)).join('');
  const record = value as { readonly [element: string]: XmlValue };
  return Object.keys(record)
    .map((key) => element(key, record[key]))
    .join('');
}

/** A successful response: <XResponse><XResult>…</XResult><ResponseMetadata>…</ResponseMetadata></XResponse>. */
export function successXml(
  action: string,
  result: { readonly [element: string]: XmlValue } | undefined,
  requestId: string,
  xmlns: string = IAM_XMLNS,
): string {
  const body = result === undefined ? '' : element(`${action}Result`, result);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${xmlns}">${body}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

/** An error response, as IAM writes it. */
export function errorXml(
  code: string,
  message: string,
  requestId: string,
  xmlns: string = IAM_XMLNS,
  type: 'Sender' | 'Receiver' = 'Sender',
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${xmlns}"><Error><Type>${type}</Type>` +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

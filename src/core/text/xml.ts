// Characters XML 1.0 cannot carry at all: C0 controls other than tab/newline/return, lone surrogates,
// and the non-characters U+FFFE/U+FFFF. They are dropped, never escaped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe inside an XML element or a quoted attribute: invalid characters dropped, markup escaped. A carriage
 * return is written as a reference, since XML parsers turn a literal one into a line feed.
 */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** Like `xmlText`, for attribute values: tabs and line feeds as references too (parsers make them spaces). */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/**
 * Plain text as HTML that shows exactly that text (for feed fields readers treat as HTML, such as RSS
 * `<description>`). The result still needs `xmlText` to go into XML: that second escaping is what keeps
 * `<img onerror=…>` typed as text from becoming markup once a reader decodes the XML.
 */
export function htmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Removes what XML cannot carry, without escaping (for JSON, which escapes on its own). */
export function withoutInvalidXmlChars(value: string): string {
  return value.replace(NOT_XML, '');
}

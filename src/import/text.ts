/**
 * Normalises a cell the way Chinese spreadsheets need: full-width ASCII (０-９, Ａ-Ｚ, ，．－（）)
 * to half-width, ideographic and no-break spaces to spaces, then trims. Returns the same string
 * when nothing needs changing (the common case), so hot loops allocate nothing.
 */
export function normaliseText(text: string): string {
  let needs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 && ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0xa0)) {
      needs = true;
      break;
    }
  }
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (!needs) return first <= 32 || last <= 32 ? text.trim() : text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0) out += ' ';
    else out += text[i];
  }
  return out.trim();
}

/** Header normal form: lower case, no spaces, underscores, hyphens, brackets or full-width marks. */
export function normaliseHeader(text: string): string {
  return normaliseText(text)
    .toLowerCase()
    .replace(/[\s_\-()（）[\]【】:：*]/g, '');
}

/** One line, at most `max` characters: for echoing a user's cell value inside a message. */
export function clip(text: string, max = 60): string {
  const one = text.replace(/[\r\n\t\0]+/g, ' ');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

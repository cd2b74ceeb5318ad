/**
 * Text shown where a Teams card reads Markdown (a FactSet's titles and values): what Markdown reads as
 * markup (emphasis, links, code, a list or heading at the start) is escaped, so a name or a note from
 * the data ("*", "[x](…)", "1. ") shows as written and never becomes a link, emphasis or a list.
 */
export function literalMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]~<>]/g, (char) => `\\${char}`)
    .replace(/^(\s*)([-+#>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

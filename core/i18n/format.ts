/** Placeholder filling, apart from any dictionary, so a page can use it without loading one. */

export type TranslateValues = Record<string, string | number>;

/** Fills `{name}` placeholders. A missing value leaves the placeholder visible for review. */
export function formatMessage(template: string, values?: TranslateValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

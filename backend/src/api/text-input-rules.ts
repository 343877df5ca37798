/**
 * Text no route of the shop can store: PostgreSQL refuses a NUL character in text and jsonb,
 * and an unpaired UTF-16 surrogate (which JSON's "\ud800" escape can carry) in jsonb, so such
 * a value used to reach the database and come back as a 500. Refused up front instead, with the
 * field named. Pure functions: each returns the message to refuse with, or undefined.
 */

const NUL = "\u0000";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unreadable(text: string): string | undefined {
  if (text.includes(NUL)) return "contains a NUL character (\\u0000), which is not text";
  if (LONE_SURROGATE.test(text)) {
    return "contains an unpaired surrogate (such as \\ud800), which is not valid Unicode";
  }
  return undefined;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * The first string (or key) in a parsed JSON body or query that is not text, named by its path
 * as the routes' own validation names fields (`shipping_address.first_name`, `items.0.variant_id`).
 * Walks without recursion, so a deeply nested body cannot exhaust the stack.
 */
export function unreadableValueProblem(value: unknown, label?: string): string | undefined {
  const name = (path: string) => (label ? `${label} ${path}` : path);
  const stack: [unknown, string][] = [[value, ""]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [current, path] = entry;
    if (typeof current === "string") {
      const problem = unreadable(current);
      if (problem) return `${name(path || "body")}: ${problem}.`;
    } else if (current !== null && typeof current === "object") {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        const keyProblem = unreadable(key);
        if (keyProblem) return `${name(path || "body")}: a field name ${keyProblem}.`;
        stack.push([child, join(path, key)]);
      }
    }
  }
  return undefined;
}

/** A text body (the 3PL's tracking CSV): its first line that is not text. */
export function unreadableTextBodyProblem(body: string): string | undefined {
  const lines = body.split("\n");
  for (const [index, line] of lines.entries()) {
    const problem = unreadable(line);
    if (problem) return `body line ${index + 1}: ${problem} (is the file UTF-8?).`;
  }
  return undefined;
}

/** A path segment (an id in the URL) that decodes to something that is not text. */
export function unreadablePathProblem(pathname: string): string | undefined {
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue; // Express answers a malformed escape itself, with a 400.
    }
    const problem = unreadable(decoded);
    if (problem) return `path segment "${segment}": ${problem}.`;
  }
  return undefined;
}

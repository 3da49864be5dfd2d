/**
 * A browser's own description of itself, reduced to what a person recognises
 * ("Firefox", "Windows"), for the sessions page. Pure and client-safe; null
 * parts when the description says nothing known.
 */
export function describeUserAgent(userAgent: string | null): { browser: string | null; system: string | null } {
  if (!userAgent) return { browser: null, system: null };
  const browser = /Edg(e|A|iOS)?\//.test(userAgent)
    ? "Microsoft Edge"
    : /Firefox\/|FxiOS\//.test(userAgent)
      ? "Firefox"
      : /OPR\//.test(userAgent)
        ? "Opera"
        : /HeadlessChrome\//.test(userAgent)
          ? "Headless Chrome"
          : /Chrome\/|CriOS\//.test(userAgent)
            ? "Chrome"
            : /Safari\//.test(userAgent) && /Version\//.test(userAgent)
              ? "Safari"
              : null;
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /iPhone|iPad|iPod/.test(userAgent)
      ? "iOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /Mac OS X|Macintosh/.test(userAgent)
          ? "macOS"
          : /CrOS/.test(userAgent)
            ? "ChromeOS"
            : /Linux/.test(userAgent)
              ? "Linux"
              : null;
  return { browser, system };
}

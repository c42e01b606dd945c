// WebKitGTK gives the POSIX locale of `LANG=C` (usual on servers, in containers and in
// minimal desktops) to the page as navigator.language "C", which is not a language tag:
// Intl throws on it, and so does any library that formats numbers with it as it loads
// (uPlot does). A window whose locale cannot be used reads as US English instead.

/** `tag` if Intl accepts it, else `en-US`. */
export function usableLanguage(tag: string): string {
  try {
    new Intl.NumberFormat(tag);
    return tag;
  } catch {
    return 'en-US';
  }
}

export function repairLanguage(): void {
  const usable = usableLanguage(navigator.language);
  if (usable !== navigator.language) Object.defineProperty(navigator, 'language', { value: usable, configurable: true });
}

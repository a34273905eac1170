let lastSeen: { url: string; title: string } | undefined;

/**
 * Resolves once document.title belongs to the current page. After a client-side navigation the
 * Next.js App Router streams the new page's metadata after the page itself, so for a moment the
 * title is still the previous page's, or empty while the head is replaced (a page served from
 * the cache): wait for a new, non-empty title, at most `timeoutMs`.
 */
export function pageTitleSettled(timeoutMs = 1_000): Promise<void> {
  const url = window.location.href;
  const previous = lastSeen;
  const remember = () => {
    lastSeen = { url, title: document.title };
  };
  const isNew = (title: string) => title !== "" && title !== previous?.title;
  if (!previous || previous.url === url || isNew(document.title)) {
    remember();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      remember();
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (isNew(document.title)) done();
    });
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    const timer = setTimeout(done, timeoutMs);
  });
}

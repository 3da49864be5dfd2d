/**
 * Shows HTML produced by renderMarkdown on the server, which sanitises it.
 * This is the only component that sets inner HTML.
 */
export function SafeHtml({ html, className = "app-prose" }: { html: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML comes from renderMarkdown, which sanitises it
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

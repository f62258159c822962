import ReactMarkdown, { type Components } from 'react-markdown'

/**
 * Comment Markdown rendered as React elements, never as HTML strings:
 * raw HTML in a comment shows as text, link targets go through
 * react-markdown's URL filter (http, https, mailto… only), images are
 * shown as their alt text (no requests to third-party hosts), and links
 * open without giving the target page access to this one.
 */
const components: Components = {
  a: ({ node: _node, ...props }) => (
    <a {...props} target="_blank" rel="noopener noreferrer nofollow" />
  ),
  h1: ({ node: _node, ...props }) => <h4 {...props} />,
  h2: ({ node: _node, ...props }) => <h4 {...props} />,
  h3: ({ node: _node, ...props }) => <h5 {...props} />,
  img: ({ alt }) => <span className="md-image">{alt ? `[${alt}]` : ''}</span>,
}

export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown components={components}>{text}</ReactMarkdown>
    </div>
  )
}

// The last line of defence: anything that escapes shows a readable page with a way back, never white.
import { Component, type ReactNode } from 'react'

export class AppErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  componentDidCatch(error: Error) {
    console.error('XR Showcase crashed:', error)
    // An unattended kiosk must not sit on an error page: reload into the lobby after a pause.
    if (new URLSearchParams(window.location.search).get('kiosk') === '1') {
      setTimeout(() => window.location.assign('?kiosk=1'), 15_000)
    }
  }
  render() {
    if (!this.state.error) return this.props.children
    return (
      <main className="page error-page" role="alert">
        <h1>出现了问题 · Something went wrong</h1>
        <p>{this.state.error.message}</p>
        <a className="btn" href="./">
          返回大厅 · Back to lobby
        </a>
      </main>
    )
  }
}

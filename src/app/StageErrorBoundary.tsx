// If the 3D stage itself fails (no WebGL, a driver crash), the DOM lobby and scene pages stay usable
// and say what happened, instead of the whole page going white.
import { Component, type ReactNode } from 'react'
import { trackError } from '../platform/analytics'

export class StageErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  componentDidCatch(error: Error) {
    console.error('3D stage failed:', error)
    trackError('stage-failed')
  }
  render() {
    if (!this.state.error) return this.props.children
    return (
      <p className="notice stage-error" role="alert">
        3D 视图无法启动 · The 3D view could not start: {this.state.error.message}
      </p>
    )
  }
}

// A missing or broken asset (model, thumbnail, texture) must cost only that asset, never the scene:
// this boundary logs one warning naming the asset and renders the fallback instead.
import { Component, type ReactNode, Suspense } from 'react'
import { trackError } from '../analytics'

interface Props {
  /** What is being loaded, for the warning. */
  asset: string
  fallback?: ReactNode
  children: ReactNode
}

class Boundary extends Component<Props, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  componentDidCatch(error: Error) {
    console.warn(`Asset "${this.props.asset}" could not be loaded: ${error.message}`)
    trackError('asset-failed')
  }
  render() {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children
  }
}

/** Suspends while the asset loads and swallows its failure. */
export function AssetBoundary({ asset, fallback = null, children }: Props) {
  return (
    <Boundary asset={asset} fallback={fallback}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </Boundary>
  )
}

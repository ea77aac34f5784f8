// Boots the app. In development on localhost, a Meta Quest 3 is emulated with IWER so anyone can
// enter VR without a headset; production builds never include the emulator.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { AppErrorBoundary } from './app/AppErrorBoundary'
import './app/app.css'

async function boot() {
  if (import.meta.env.DEV && ['localhost', '127.0.0.1'].includes(window.location.hostname)) {
    const { installDevHeadset } = await import('./platform/xr/dev-headset')
    installDevHeadset()
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppErrorBoundary>
        <App />
      </AppErrorBoundary>
    </StrictMode>,
  )
}

void boot()

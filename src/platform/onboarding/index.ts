// The onboarding service's public surface. The app shell imports the DOM overlay and the in-headset
// hint from their own files, so the DOM lobby's chunk stays free of three.js.
export * from './OnboardingOverlay'
export * from './onboarding-store'
export * from './onboarding-strings'
export * from './XROnboardingHint'

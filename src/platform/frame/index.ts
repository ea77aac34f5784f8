export { FRAME_STAGES, type FrameStage, useFrameStage } from './frame-order'

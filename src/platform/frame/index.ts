export {
  FRAME_SEGMENTS,
  FRAME_STAGES,
  type FrameSegment,
  type FrameStage,
  useFrameSegmentMarks,
  useFrameStage,
} from './frame-order'

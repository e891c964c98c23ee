export {
  startHuaweiSimulator,
  SIM_PARAM_ERROR,
  type Fault,
  type HuaweiSimulator,
  type HuaweiSimulatorControl,
  type HuaweiSimulatorOptions,
  type RequestLogEntry,
  type SimMeetingView,
} from './server.js';
export type { NewMeeting } from './state.js';

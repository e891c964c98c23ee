export { startHuaweiSimulator, type HuaweiSimulator, type HuaweiSimulatorOptions } from './server.js';
export { SIM_PARAM_ERROR, type RequestLogEntry } from './http.js';
export type { Fault } from './faults.js';
export type { HuaweiSimulatorControl, SimMeetingView } from './simControl.js';
export type { SimSocketView } from './meetingEvents.js';
export { SIM_AUTH_FAILED_CLOSE } from './meetingEvents.js';
export type { NewMeeting } from './state.js';
export { huaweiSnapshotSchema, type HuaweiSimSnapshot } from './snapshot.js';

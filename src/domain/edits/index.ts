/** Pure edits of a campaign document. The editor store wraps each in one undoable step. */
export { addActivity, moveActivities, setActivitiesDisabled, relabelActivity } from './activities';
export { connect, relabelTransition, removeElements, type EditResult } from './transitions';
export { insertOnTransition } from './insert-on-transition';
export { duplicateActivities } from './duplicate';
export { updateActivityConfig } from './update-config';
export { setOrientation, setSchedule, setSeed, setSimulationSettings, setVariables } from './settings';
export { placeBetween, type NodeBox } from './make-room';

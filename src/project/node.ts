/** The project layer's Node edge: reading project files and the files they name, writing results folders. */
export { loadProjectFile, readRelativeTo } from './files.js';
export { writeResults, writeFolder, checkWritable, withFolderLock, ResultsFolderError, MANIFEST } from './write.js';

// The domain: pure rules shared unchanged by the extension and the server.
export * from './clarity';
export * from './dates';
export * from './due';
export * from './hlc';
export * from './ids';
export * from './lifecycle';
export * from './merge';
export * from './protocol';
export * from './quick-add';
export * from './raci';
export * from './records';
export * from './salience';
export * from './schemas';

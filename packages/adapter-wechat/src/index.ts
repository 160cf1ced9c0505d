export const placeholder = 'adapter-wechat';

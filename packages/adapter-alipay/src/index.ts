export const placeholder = 'adapter-alipay';

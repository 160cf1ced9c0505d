export const placeholder = 'adapter-suishenban';

export { cn } from "./cn";
export { Button, ButtonLink, buttonClass } from "./button";
export { SubmitButton } from "./submit-button";
export { Input, Select, Textarea, Checkbox, FormMessage } from "./field";
export { Card, CardHeader, Stat, PageHeader, EmptyState, Banner } from "./card";
export { Badge, type BadgeTone } from "./badge";
export { Table, THead, TBody, Th, Td } from "./table";
export { Dialog } from "./dialog";
export { ToastProvider, useToast } from "./toast";

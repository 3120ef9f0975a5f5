export const DEFAULT_PLAN_CODE = "refi_alert_monitoring";

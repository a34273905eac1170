-- Devices named by this pass's user agents (parsed in etl/enrich/device.ts, COPY'd to
-- stage_device). A device id is derived from the user agent string, so a row never changes.
INSERT INTO dim_device (device_id, user_agent, browser_name, browser_major, os_name, os_version,
                        device_type, device_vendor, device_model, is_bot)
SELECT device_id, user_agent, browser_name, browser_major, os_name, os_version,
       device_type, device_vendor, device_model, is_bot
FROM stage_device
ON CONFLICT (device_id) DO NOTHING;

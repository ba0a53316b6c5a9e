-- Issue 17: the header's search finds a device by the vendor's own device id across every vendor (the
-- unique index leads with vendor_id and cannot answer that).
create index device_vendor_device_id_idx on device (vendor_device_id);

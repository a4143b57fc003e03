-- A region's batches are listed newest first, a page at a time.
CREATE INDEX department_batch_newest ON department_batch (uploaded_at DESC, batch_id DESC);

-- How many attempts of each instance ended by the site's fault (a lost node, a preemption, a lost
-- job): retried without using one of the job's retries, so recovery must read them back.
ALTER TABLE jobs ADD COLUMN site_faults INT DEFAULT 0 NOT NULL;

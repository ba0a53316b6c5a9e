-- Spring Modulith's JPA event publication registry: the transactional outbox for events between
-- modules (e.g. a suspension that must reach the webhook outbox even if the node dies after commit).
create table event_publication (
    id                      uuid         primary key,
    listener_id             text         not null,
    event_type              text         not null,
    serialized_event        text         not null,
    publication_date        timestamptz  not null,
    completion_date         timestamptz,
    status                  varchar(20),
    completion_attempts     int          not null default 0,
    last_resubmission_date  timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table event_publication_archive (
    id                      uuid         primary key,
    listener_id             text         not null,
    event_type              text         not null,
    serialized_event        text         not null,
    publication_date        timestamptz  not null,
    completion_date         timestamptz,
    status                  varchar(20),
    completion_attempts     int          not null default 0,
    last_resubmission_date  timestamptz
);

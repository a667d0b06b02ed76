#!/usr/bin/env python3
"""Writes each service's AsyncAPI document from the lists below and the golden JSON examples.

Run from the repository root after changing what a service sends or receives:
    python3 infra/event-contracts/src/test/asyncapi/generate.py
Each service's integration test checks its document against the handlers it really registers.
"""
import json
import os

GOLDEN = 'infra/event-contracts/src/test/resources/golden'
TOPICS = {
    'tours': 'Tour lifecycle, keyed by tour id',
    'registrations': 'Registration saga events, keyed by tour id',
    'seats': 'Seat decisions of the catalog, keyed by tour id',
    'billing': 'Invoices, credit notes and payments for finance, keyed by tour id',
    'notifications': 'E-mail delivery outcomes, keyed by tour id',
}
SERVICES = {
    'tour-catalog-service': ('Tours, the case library, seats and waiting lists.',
                             ['tours.TourPublished', 'tours.TourUpdated', 'tours.TourRegistrationClosed',
                              'tours.TourCancelled', 'seats.SeatsReserved', 'seats.SeatsWaitlisted',
                              'seats.SeatsReleased', 'seats.SeatsRejected'],
                             ['registrations.RegistrationPlaced', 'registrations.CancellationRequested']),
    'registration-service': ('Registrations and their saga.',
                             ['registrations.RegistrationPlaced', 'registrations.RegistrationConfirmed',
                              'registrations.RegistrationWaitlisted', 'registrations.CancellationRequested',
                              'registrations.RegistrationCancelled', 'registrations.ParticipantSubstituted'],
                             ['tours.TourPublished', 'tours.TourUpdated', 'tours.TourRegistrationClosed',
                              'tours.TourCancelled', 'seats.SeatsReserved', 'seats.SeatsWaitlisted',
                              'seats.SeatsReleased', 'seats.SeatsRejected']),
    'billing-service': ('Invoices and the billing events finance consumes.',
                        ['billing.InvoiceIssued', 'billing.CreditNoteIssued', 'billing.PaymentRecorded',
                         'billing.InvoiceOverdue'],
                        ['registrations.RegistrationConfirmed', 'registrations.RegistrationCancelled',
                         'registrations.ParticipantSubstituted']),
    'notification-service': ('E-mails to contact persons and participants.',
                             ['notifications.MessageSent', 'notifications.MessageFailed'],
                             ['tours.TourPublished', 'tours.TourUpdated', 'registrations.RegistrationPlaced',
                              'registrations.RegistrationConfirmed', 'registrations.RegistrationWaitlisted',
                              'registrations.RegistrationCancelled', 'registrations.ParticipantSubstituted',
                              'billing.InvoiceIssued', 'billing.InvoiceOverdue']),
}


def schema(value):
    if isinstance(value, dict):
        return {'type': 'object', 'properties': {key: schema(item) for key, item in value.items()}}
    if isinstance(value, list):
        return {'type': 'array', 'items': schema(value[0]) if value else {}}
    if isinstance(value, bool):
        return {'type': 'boolean'}
    if isinstance(value, int):
        return {'type': 'integer'}
    if isinstance(value, str):
        if len(value) == 10 and value[4] == '-' and value[7] == '-':
            return {'type': 'string', 'format': 'date'}
        if 'T' in value and value.endswith('Z') and value[4] == '-':
            return {'type': 'string', 'format': 'date-time'}
        return {'type': 'string'}
    return {}


def yaml(value, indent=0):
    pad = '  ' * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f'{pad}{key}:')
                lines.append(yaml(item, indent + 1))
            elif isinstance(item, (dict, list)):
                lines.append(f'{pad}{key}: {"{}" if isinstance(item, dict) else "[]"}')
            else:
                lines.append(f'{pad}{key}: {json.dumps(item, ensure_ascii=False)}')
    else:
        for item in value:
            if isinstance(item, (dict, list)):
                lines.append(f'{pad}- {yaml(item, indent + 1).lstrip()}')
            else:
                lines.append(f'{pad}- {json.dumps(item, ensure_ascii=False)}')
    return '\n'.join(lines)


def document(description, sends, receives):
    doc = {
        'asyncapi': '3.0.0',
        'info': {'title': None, 'version': '1.0.0', 'description': description
                 + ' Events are CloudEvents 1.0 in Kafka binary mode: attributes in ce_* headers, JSON data as the'
                 + ' record value, the tour id as the record key. Consumers ignore fields they do not know.'},
        'defaultContentType': 'application/json',
        'servers': {'local': {'host': 'localhost:9092', 'protocol': 'kafka',
                              'description': "The local platform's broker (./mvnw -Plocal)"}},
        'channels': {}, 'operations': {}, 'components': {'messages': {}},
    }
    messages = list(dict.fromkeys(sends + receives))
    for topic in sorted({message.split('.')[0] for message in messages}):
        doc['channels'][topic] = {'address': topic, 'description': TOPICS[topic], 'messages': {
            name: {'$ref': f'#/components/messages/{name}'}
            for name in (message.split('.')[1] for message in messages if message.startswith(topic + '.'))}}
    for action, listed in (('send', sends), ('receive', receives)):
        for message in listed:
            topic, name = message.split('.')
            doc['operations'][action + name] = {'action': action, 'channel': {'$ref': f'#/channels/{topic}'},
                                                'messages': [{'$ref': f'#/channels/{topic}/messages/{name}'}]}
    for message in messages:
        topic, name = message.split('.')
        ce_type = f'no.studietur.{topic}.{name}.v1'
        with open(f'{GOLDEN}/{ce_type}.json') as golden:
            example = json.load(golden)
        doc['components']['messages'][name] = {
            'name': name, 'title': name, 'contentType': 'application/json',
            'headers': {'type': 'object', 'required': ['ce_id', 'ce_type', 'ce_source', 'ce_specversion', 'ce_time'],
                        'properties': {
                            'ce_specversion': {'type': 'string', 'const': '1.0'},
                            'ce_id': {'type': 'string', 'description': "Unique per event; consumers' idempotency key"},
                            'ce_type': {'type': 'string', 'const': ce_type},
                            'ce_source': {'type': 'string', 'description': 'The producing service, e.g. /registration-service'},
                            'ce_subject': {'type': 'string', 'description': 'What the event is about (registration, tour, invoice id)'},
                            'ce_time': {'type': 'string', 'format': 'date-time'}}},
            'payload': schema(example), 'examples': [{'name': 'example', 'payload': example}]}
    return doc


for service, (description, sends, receives) in SERVICES.items():
    doc = document(description, sends, receives)
    doc['info']['title'] = service
    path = f'{service}/src/main/resources/static/asyncapi.yaml'
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as out:
        out.write('# Generated by infra/event-contracts/src/test/asyncapi/generate.py; checked against the code by\n'
                  '# each service\'s integration test (AsyncApiDocument).\n' + yaml(doc) + '\n')
